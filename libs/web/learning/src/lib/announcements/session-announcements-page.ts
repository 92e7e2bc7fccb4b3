import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { type Announcement, AnnouncementsApi, LanguageService, latestLoad } from '@oris/web/core';
import { AnnouncementList, ProblemAlert } from '@oris/web/ui';
import { AnnouncementEmailSwitch } from './announcement-email-switch';

/**
 * A session's announcements as its trainee reads them
 * (`/learning/sessions/:sessionId/announcements`, where the notifications lead), with the
 * switch for their emails.
 */
@Component({
  selector: 'oris-session-announcements-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    MatProgressBarModule,
    TranslocoPipe,
    AnnouncementList,
    AnnouncementEmailSwitch,
    ProblemAlert,
  ],
  template: `
    <div class="oris-page oris-page--narrow">
      <p>
        <a routerLink="/learning">{{ 'announcements.learner.back' | transloco }}</a>
      </p>
      <h1>{{ 'announcements.learner.heading' | transloco }}</h1>
      @if (muted() !== null) {
        <oris-announcement-email-switch
          [sessionId]="sessionId()"
          [muted]="muted() ?? false"
          [showLink]="false"
        />
      }
      <oris-problem-alert [error]="loader.problem()" />
      @if (loader.loading()) {
        <mat-progress-bar
          mode="indeterminate"
          [attr.aria-label]="'announcements.loading' | transloco"
        />
      }
      @if (loader.value(); as items) {
        <oris-announcement-list [items]="items" [language]="language()" />
      }
    </div>
  `,
})
export class SessionAnnouncementsPage {
  private readonly api = inject(AnnouncementsApi);
  protected readonly language = inject(LanguageService).language;
  protected readonly loader = latestLoad<Announcement[]>({ loading: true });
  protected readonly sessionId = signal('');
  protected readonly muted = signal<boolean | null>(null);

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        const sessionId = params.get('sessionId') ?? '';
        this.sessionId.set(sessionId);
        void this.loader.load(() => this.api.list(sessionId));
        this.api.mutedSessions().then(
          (sessions) => this.muted.set(sessions.includes(sessionId)),
          () => this.muted.set(null),
        );
      });
  }
}
