import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthSession, type Course, LanguageService, type SessionBrief } from '@oris/web/core';
import { formatDay } from '@oris/web/ui';
import { firstValueFrom } from 'rxjs';
import { activeEnrollmentIn, enrollRefusal, joinsWaitlist } from '../shared/enrollment-rules';
import type { Enrollment } from '../shared/learning-types';
import { MyEnrollments } from '../shared/my-enrollments';
import { EnrollDialog, type EnrollDialogData } from './enroll-dialog';
import { todayInMorocco } from '@oris/shared/domain';

let nextId = 0;

/**
 * The course page's control for one session (provided through `ENROLL_ACTION`): "Enroll", or
 * why not now, or the person's enrollment in it with a link to their learning.
 */
@Component({
  selector: 'oris-enroll-action',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, TranslocoPipe],
  template: `
    @if (!loaded()) {
      <span class="oris-visually-hidden">{{ 'learning.enroll.checking' | transloco }}</span>
    } @else if (enrollment(); as mine) {
      <p class="enrolled">
        {{
          'learning.enroll.enrolled'
            | transloco: { status: ('learning.status.' + mine.status | transloco) }
        }}
        @if (mine.status === 'waitlisted' && mine.waitlistPosition) {
          <span class="detail">{{
            'learning.waitlistPosition' | transloco: { position: mine.waitlistPosition }
          }}</span>
        }
      </p>
      <a routerLink="/learning" class="to-learning">{{
        'learning.enroll.toMyLearning' | transloco
      }}</a>
    } @else if (refusal(); as why) {
      <button mat-stroked-button type="button" disabled [attr.aria-describedby]="reasonId">
        {{ 'learning.enroll.button' | transloco }}
      </button>
      <p class="reason" [id]="reasonId">
        {{ why.key | transloco: dayParams(why.params) }}
      </p>
    } @else {
      @if (full()) {
        <button
          mat-flat-button
          type="button"
          [attr.aria-label]="
            'learning.enroll.joinWaitlistFor' | transloco: { session: session().title }
          "
          (click)="openDialog()"
        >
          {{ 'learning.enroll.joinWaitlist' | transloco }}
        </button>
        <p class="detail">{{ 'learning.enroll.full' | transloco }}</p>
      } @else {
        <button
          mat-flat-button
          type="button"
          [attr.aria-label]="'learning.enroll.buttonFor' | transloco: { session: session().title }"
          (click)="openDialog()"
        >
          {{ 'learning.enroll.button' | transloco }}
        </button>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      min-inline-size: 140px;
    }
    p {
      margin: 0;
    }
    .enrolled {
      font-weight: 600;
    }
    .detail,
    .reason {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .reason {
      margin-block-start: 4px;
      max-inline-size: 24ch;
    }
  `,
})
export class EnrollAction {
  private readonly dialog = inject(MatDialog);
  private readonly myEnrollments = inject(MyEnrollments);
  private readonly auth = inject(AuthSession);
  private readonly language = inject(LanguageService).language;

  readonly course = input.required<Course>();
  readonly session = input.required<SessionBrief>();

  protected readonly reasonId = `oris-enroll-reason-${++nextId}`;
  protected readonly loaded = signal(false);
  private readonly enrollments = signal<readonly Enrollment[]>([]);
  protected readonly enrollment = computed(() =>
    activeEnrollmentIn(this.enrollments(), this.session().id),
  );
  protected readonly full = computed(() => joinsWaitlist(this.session()));
  protected readonly refusal = computed(() =>
    enrollRefusal(this.session(), todayInMorocco(), this.auth.hasAnyRole(['trainee'])),
  );

  constructor() {
    void this.refresh();
  }

  protected async openDialog(): Promise<void> {
    const ref = this.dialog.open<EnrollDialog, EnrollDialogData>(EnrollDialog, {
      data: { course: this.course(), session: this.session() },
      // The title, then the reason for the questions, are read before the first question.
      autoFocus: 'first-heading',
      maxWidth: '560px',
      width: '100%',
    });
    await firstValueFrom(ref.afterClosed());
    // Closed by any means (Escape included), maybe after enrolling: read what the API now holds.
    this.myEnrollments.forget();
    await this.refresh();
  }

  /** The day in a refusal is written in the interface language. */
  protected dayParams(params: Record<string, unknown> | undefined): Record<string, unknown> {
    const day = params?.['day'];
    return typeof day === 'string' ? { day: formatDay(day, this.language()) } : {};
  }

  private async refresh(): Promise<void> {
    try {
      this.enrollments.set(await this.myEnrollments.list());
    } catch {
      // Without the list the button stays: the API answers 409 if the person is already enrolled.
      this.enrollments.set([]);
    } finally {
      this.loaded.set(true);
    }
  }
}
