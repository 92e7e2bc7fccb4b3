import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatSlideToggle, MatSlideToggleModule } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { AnnouncementsApi } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';

/**
 * A session's announcements for its trainee: the link to read them and the switch that keeps
 * them out of the mailbox (they still reach the app). Used in "My learning" and on the session's
 * announcements page.
 */
@Component({
  selector: 'oris-announcement-email-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatSlideToggleModule, RouterLink, TranslocoPipe, ProblemAlert],
  template: `
    <div class="announcements">
      @if (showLink()) {
        <a mat-stroked-button [routerLink]="['/learning/sessions', sessionId(), 'announcements']">
          {{ 'announcements.learner.open' | transloco }}
        </a>
      }
      <mat-slide-toggle
        [checked]="!mutedNow()"
        [disabled]="saving()"
        (change)="setEmails($event.checked)"
      >
        @if (session()) {
          {{ 'announcements.learner.byEmailFor' | transloco: { session: session() } }}
        } @else {
          {{ 'announcements.learner.byEmail' | transloco }}
        }
      </mat-slide-toggle>
    </div>
    @if (problem()) {
      <p class="not-saved" role="status">
        {{
          (mutedNow() ? 'announcements.learner.stillMuted' : 'announcements.learner.stillByEmail')
            | transloco
        }}
      </p>
    }
    <oris-problem-alert [error]="problem()" />
  `,
  styles: `
    .announcements {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px 24px;
      margin-block: 8px;
    }
    .not-saved {
      margin-block: 0 8px;
    }
  `,
})
export class AnnouncementEmailSwitch {
  private readonly api = inject(AnnouncementsApi);
  readonly sessionId = input.required<string>();
  /** The session's title, in the switch's name where several sessions are listed. */
  readonly session = input('');
  /** Whether the session's emails were muted when the page loaded. */
  readonly muted = input(false);
  readonly showLink = input(true);

  protected readonly mutedNow = linkedSignal(() => this.muted());
  protected readonly saving = signal(false);
  protected readonly problem = signal<ApiError | null>(null);
  private readonly toggle = viewChild.required(MatSlideToggle);

  protected async setEmails(byEmail: boolean): Promise<void> {
    this.saving.set(true);
    this.problem.set(null);
    try {
      this.mutedNow.set(await this.api.setMuted(this.sessionId(), !byEmail));
    } catch (error) {
      // The toggle moved itself when clicked and its binding has not changed, so it is moved
      // back by hand: the switch shows what is stored, not what was asked, and says why.
      this.toggle().checked = !this.mutedNow();
      this.problem.set(ApiError.from(error));
    } finally {
      this.saving.set(false);
    }
  }
}
