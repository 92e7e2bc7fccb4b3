import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError } from '@oris/shared/api-client';
import { AnnouncementsApi, type Unsubscribed } from '@oris/web/core';
import { ProblemAlert } from '@oris/web/ui';

/**
 * The one-click unsubscribe of an announcement email (`/unsubscribe?token=…`): opening the
 * link is the click. No sign-in: the single-use token is the credential; it goes to the API in a
 * request body, never in a URL the API would log.
 */
@Component({
  selector: 'oris-unsubscribe-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslocoPipe, ProblemAlert],
  template: `
    <div class="oris-page oris-page--narrow">
      <h1>{{ 'announcements.unsubscribe.heading' | transloco }}</h1>
      <div role="status">
        @if (done(); as result) {
          <p dir="auto">
            {{
              'announcements.unsubscribe.done'
                | transloco: { session: result.sessionTitle, course: result.courseTitle }
            }}
          </p>
          <p>{{ 'announcements.unsubscribe.stillInApp' | transloco }}</p>
        } @else if (!problem()) {
          <p>{{ 'announcements.unsubscribe.working' | transloco }}</p>
        }
      </div>
      @if (problem()) {
        <oris-problem-alert
          [error]="problem()"
          [messageKeys]="{ 'not-found': 'announcements.unsubscribe.unknown' }"
        />
      }
      <p>
        <a routerLink="/learning">{{ 'announcements.unsubscribe.toLearning' | transloco }}</a>
      </p>
    </div>
  `,
})
export class UnsubscribePage {
  private readonly api = inject(AnnouncementsApi);
  protected readonly done = signal<Unsubscribed | null>(null);
  protected readonly problem = signal<ApiError | null>(null);

  constructor() {
    const token = inject(ActivatedRoute).snapshot.queryParamMap.get('token') ?? '';
    this.api.unsubscribe(token).then(
      (result) => this.done.set(result),
      (error: unknown) => this.problem.set(ApiError.from(error)),
    );
  }
}
