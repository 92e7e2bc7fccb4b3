import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { MOROCCO_TIME_ZONE } from '@oris/shared/domain';
import {
  type AppNotification,
  LanguageService,
  latestLoad,
  NotificationFeed,
  type PageOf,
} from '@oris/web/core';
import { intlLocale, Pager, ProblemAlert, transientText } from '@oris/web/ui';

const PAGE_SIZE = 20;

/**
 * The notification centre (`/notifications`): the person's notifications, unread first. Opening
 * one marks it read and goes where it leads; "mark all read" empties the bell.
 */
@Component({
  selector: 'oris-notifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, TranslocoPipe, Pager, ProblemAlert],
  templateUrl: './notifications-page.html',
  styleUrl: './notifications-page.scss',
})
export class NotificationsPage {
  protected readonly feed = inject(NotificationFeed);
  private readonly router = inject(Router);
  protected readonly language = inject(LanguageService).language;
  protected readonly loader = latestLoad<PageOf<AppNotification>>({ loading: true });
  protected readonly actionProblem = signal<ApiError | null>(null);
  protected readonly status = transientText();
  protected readonly page = signal(1);
  protected readonly pageSize = PAGE_SIZE;

  constructor() {
    void this.load();
  }

  protected load(page = this.page()): Promise<boolean> {
    this.page.set(page);
    return this.loader.load(() =>
      this.feed.list({ page, pageSize: PAGE_SIZE, order: 'unread_first' }),
    );
  }

  protected async open(notification: AppNotification): Promise<void> {
    this.actionProblem.set(null);
    try {
      if (!notification.readAt) await this.feed.markRead(notification.id);
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
      return;
    }
    if (notification.link) await this.router.navigateByUrl(notification.link);
    else await this.load();
  }

  protected async markAllRead(): Promise<void> {
    this.actionProblem.set(null);
    try {
      await this.feed.markAllRead();
      await this.load();
      this.status.set('notifications.allMarkedRead');
    } catch (error) {
      this.actionProblem.set(ApiError.from(error));
    }
  }

  protected moment(instant: string): string {
    return new Intl.DateTimeFormat(intlLocale(this.language()), {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: MOROCCO_TIME_ZONE,
    }).format(new Date(instant));
  }
}
