import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { LanguageService, latestLoad } from '@oris/web/core';
import { DayPipe, Icon, type IconName, intlLocale, ProblemAlert } from '@oris/web/ui';
import { type AdminOverview, OverviewApi } from './overview-api';

/** One thing that may need the administrator, with the page where they act on it. */
export interface AttentionItem {
  id: 'approvals' | 'renders' | 'followups';
  count: number;
  icon: IconName;
  link: string;
}

/**
 * The administrators' landing page (`/admin/overview`): what waits for them — enrollment
 * requests to decide, certificates whose PDF failed to render, follow-ups overdue — each count
 * leading to the page where they act, and the sessions holding the oldest requests.
 */
@Component({
  selector: 'oris-overview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoPipe,
    DayPipe,
    Icon,
    ProblemAlert,
  ],
  templateUrl: './overview-page.html',
  styleUrl: './overview-page.scss',
})
export class OverviewPage {
  private readonly api = inject(OverviewApi);
  protected readonly language = inject(LanguageService).language;
  protected readonly loader = latestLoad<AdminOverview>({ loading: true });

  protected readonly items = computed<AttentionItem[]>(() => {
    const overview = this.loader.value();
    if (!overview) return [];
    const firstSession = overview.sessionsAwaitingApproval[0];
    return [
      {
        id: 'approvals',
        count: overview.pendingApprovals,
        icon: 'personAdd',
        // One session waiting: straight to it; several: the list below names each.
        link: firstSession
          ? `/teaching/sessions/${firstSession.sessionId}/enrollments`
          : '/teaching',
      },
      { id: 'renders', count: overview.failedRenders, icon: 'error', link: '/certificates/admin' },
      {
        id: 'followups',
        count: overview.overdueFollowups,
        icon: 'schedule',
        link: '/insertion/followups',
      },
    ];
  });

  constructor() {
    void this.loader.load(() => this.api.overview());
  }

  protected formatCount(value: number): string {
    return new Intl.NumberFormat(intlLocale(this.language())).format(value);
  }
}
