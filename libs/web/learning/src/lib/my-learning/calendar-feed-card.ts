import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { dayInMorocco } from '@oris/shared/domain';
import { LanguageService, latestLoad } from '@oris/web/core';
import { DayPipe, ProblemAlert } from '@oris/web/ui';
import { Confirmation } from '@oris/web/ui/dialogs';
import { LearningApi } from '../learning-api';
import type { CalendarFeed } from '../shared/learning-types';

/**
 * The person's calendar subscription: a private link a calendar app polls for every meeting of
 * the sessions where they hold a seat. The API shows the link once (it keeps only a hash), so
 * the card offers a new one (the old one stops working) and a revocation.
 */
@Component({
  selector: 'oris-calendar-feed-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    TranslocoPipe,
    DayPipe,
    ProblemAlert,
  ],
  template: `
    <section class="oris-card feed" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">{{ 'learning.feed.heading' | transloco }}</h2>
      <p>{{ 'learning.feed.text' | transloco }}</p>
      <oris-problem-alert [error]="actionProblem() ?? loader.problem()" />
      @if (link(); as url) {
        <mat-form-field class="url" subscriptSizing="dynamic">
          <mat-label>{{ 'learning.feed.link' | transloco }}</mat-label>
          <input matInput readonly [value]="url" (focus)="selectAll($event)" />
        </mat-form-field>
        <p class="hint">{{ 'learning.feed.private' | transloco }}</p>
      } @else if (loader.value(); as feed) {
        @if (feed.active && feed.createdAt) {
          <p class="hint">
            {{
              'learning.feed.exists'
                | transloco: { day: (day(feed.createdAt) | orisDay: language()) }
            }}
          </p>
        }
      }
      <p class="oris-status" role="status">
        @if (announcement(); as key) {
          {{ key | transloco }}
        }
      </p>
      <div class="oris-actions">
        @if (link()) {
          <button mat-flat-button type="button" (click)="copy()">
            {{ 'learning.feed.copy' | transloco }}
          </button>
        } @else {
          <button mat-flat-button type="button" [disabled]="busy()" (click)="create()">
            {{
              (loader.value()?.active ? 'learning.feed.replace' : 'learning.feed.create')
                | transloco
            }}
          </button>
        }
        @if (loader.value()?.active || link()) {
          <button mat-stroked-button type="button" [disabled]="busy()" (click)="revoke()">
            {{ 'learning.feed.revoke' | transloco }}
          </button>
        }
      </div>
    </section>
  `,
  styles: `
    .url {
      inline-size: 100%;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class CalendarFeedCard {
  private readonly learning = inject(LearningApi);
  private readonly confirmation = inject(Confirmation);
  private readonly document = inject(DOCUMENT);
  protected readonly language = inject(LanguageService).language;

  protected readonly loader = latestLoad<CalendarFeed>({ loading: true });
  protected readonly link = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly actionProblem = signal<ApiError | null>(null);
  protected readonly announcement = signal('');

  constructor() {
    void this.loader.load(() => this.learning.calendarFeed());
  }

  protected day(instant: string): string {
    return dayInMorocco(new Date(instant));
  }

  protected selectAll(event: FocusEvent): void {
    (event.target as HTMLInputElement).select();
  }

  protected async create(): Promise<void> {
    if (this.loader.value()?.active) {
      const confirmed = await this.confirmation.ask({
        titleKey: 'learning.feed.confirmReplace.title',
        textKey: 'learning.feed.confirmReplace.text',
        confirmKey: 'learning.feed.replace',
        cancelKey: 'learning.feed.cancel',
        destructive: true,
      });
      if (!confirmed) return;
    }
    await this.act(async () => {
      const made = await this.learning.newCalendarFeed();
      this.link.set(`${this.document.location.origin}${made.path}`);
      this.loader.set({ active: true, createdAt: made.createdAt });
      this.announcement.set('');
    });
  }

  protected async revoke(): Promise<void> {
    const confirmed = await this.confirmation.ask({
      titleKey: 'learning.feed.confirmRevoke.title',
      textKey: 'learning.feed.confirmRevoke.text',
      confirmKey: 'learning.feed.revoke',
      cancelKey: 'learning.feed.cancel',
      destructive: true,
    });
    if (!confirmed) return;
    await this.act(async () => {
      await this.learning.revokeCalendarFeed();
      this.link.set(null);
      this.loader.set({ active: false, createdAt: null });
      this.announcement.set('learning.feed.revoked');
    });
  }

  protected async copy(): Promise<void> {
    const url = this.link();
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      this.announcement.set('learning.feed.copied');
    } catch {
      // Without clipboard access the link stays selectable in its field.
      this.announcement.set('learning.feed.copyByHand');
    }
  }

  private async act(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.actionProblem.set(null);
    try {
      await action();
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    } finally {
      this.busy.set(false);
    }
  }
}
