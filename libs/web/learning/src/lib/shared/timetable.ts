import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { LanguageService, latestLoad } from '@oris/web/core';
import { ProblemAlert, saveFile, TimeRangePipe } from '@oris/web/ui';
import { LearningApi } from '../learning-api';
import type { Timetable } from './learning-types';

let nextId = 0;

/**
 * When and where a session meets, for the trainee ("Mes formations" and the course outline):
 * each meeting in Moroccan time, the venue, the online link when the API gives it (a seat is
 * held), and the session as a calendar file.
 */
@Component({
  selector: 'oris-timetable',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslocoPipe, ProblemAlert, TimeRangePipe],
  template: `
    <section class="timetable" [attr.aria-labelledby]="headingId">
      @if (headingLevel() === 2) {
        <h2 [id]="headingId">{{ 'learning.timetable.heading' | transloco }}</h2>
      } @else {
        <h3 [id]="headingId">{{ 'learning.timetable.heading' | transloco }}</h3>
      }
      <oris-problem-alert [error]="loader.problem() ?? fileProblem()" />
      @if (loader.value(); as t) {
        @if (t.venue) {
          <p class="place">
            <span class="label">{{ 'learning.timetable.venue' | transloco }}</span>
            <span dir="auto">{{ t.venue }}</span>
          </p>
        }
        @if (t.onlineUrl) {
          <p class="place">
            <span class="label">{{ 'learning.timetable.online' | transloco }}</span>
            <a [href]="t.onlineUrl" target="_blank" rel="noopener noreferrer" class="online">{{
              'learning.timetable.join' | transloco
            }}</a>
          </p>
        }
        @if (t.meetings.length) {
          <ol class="meetings">
            @for (m of t.meetings; track m.id) {
              <li>
                <time [attr.datetime]="m.startsAt">{{
                  m.startsAt | orisTimeRange: m.endsAt : language()
                }}</time>
                @if (m.label) {
                  <!-- The dash in the page's direction, next to the time; the label isolated. -->
                  <span class="meeting-label"
                    ><bdi>{{ m.label }}</bdi></span
                  >
                }
              </li>
            }
          </ol>
          <button
            mat-stroked-button
            type="button"
            [disabled]="saving()"
            [attr.aria-label]="
              'learning.timetable.addToCalendarFor' | transloco: { course: course() }
            "
            (click)="saveCalendar(t)"
          >
            {{ 'learning.timetable.addToCalendar' | transloco }}
          </button>
        } @else {
          <p class="none">{{ 'learning.timetable.noMeetings' | transloco }}</p>
        }
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
      margin-block-end: 16px;
    }
    h3 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-small);
    }
    h2 {
      margin: 0 0 8px;
    }
    .place {
      margin: 0 0 8px;
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
    }
    .label {
      color: var(--mat-sys-on-surface-variant);
    }
    .meetings {
      margin: 0 0 12px;
      padding-inline-start: 20px;
      li {
        margin-block-end: 4px;
      }
    }
    .meeting-label::before {
      content: ' — ';
    }
    .none {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TimetableSection implements OnInit {
  private readonly learning = inject(LearningApi);
  private readonly document = inject(DOCUMENT);
  protected readonly language = inject(LanguageService).language;

  readonly enrollmentId = input.required<string>();
  /** The course's title, for the button's accessible name. */
  readonly course = input.required<string>();
  /** Under the page's h1 (the outline) or under an enrollment's h2 ("Mes formations"). */
  readonly headingLevel = input<2 | 3>(3);

  protected readonly headingId = `oris-timetable-${++nextId}`;
  protected readonly loader = latestLoad<Timetable>({ loading: true });
  protected readonly saving = signal(false);
  protected readonly fileProblem = signal<ApiError | null>(null);

  ngOnInit(): void {
    void this.loader.load(() => this.learning.timetable(this.enrollmentId()));
  }

  protected async saveCalendar(timetable: Timetable): Promise<void> {
    this.saving.set(true);
    this.fileProblem.set(null);
    try {
      const file = await this.learning.calendarFile(timetable.enrollmentId);
      saveFile(file, `oris-${timetable.sessionId.slice(0, 8)}.ics`, this.document);
    } catch (error) {
      this.fileProblem.set(ApiError.from(error));
    } finally {
      this.saving.set(false);
    }
  }
}
