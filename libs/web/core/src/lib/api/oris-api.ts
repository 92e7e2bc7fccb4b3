import { inject, InjectionToken, PendingTasks } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { createOrisApiClient, type OrisApiClient } from '@oris/shared/api-client';
import { AuthSession } from '../auth/auth-session';
import { API_BASE_URL, API_FETCH } from './api.tokens';
import { bearerWithRefresh, requestDefaults } from './api-middleware';

/** The API client for everything but the auth routes: bearer token, cookies, language, retry on 401. */
export const ORIS_API = new InjectionToken<OrisApiClient>('ORIS_API', {
  providedIn: 'root',
  factory: () => {
    const session = inject(AuthSession);
    const transloco = inject(TranslocoService);
    const fetch = inject(API_FETCH);
    const client = createOrisApiClient({
      baseUrl: inject(API_BASE_URL),
      fetch,
      middleware: [
        requestDefaults(() => transloco.getActiveLang()),
        bearerWithRefresh({
          accessToken: () => session.accessToken(),
          refreshAccessToken: () => session.refresh(),
          fetch,
        }),
      ],
    });
    return unstableUntilAnswered(client, inject(PendingTasks));
  },
});

const CALLS = [
  'request',
  'GET',
  'PUT',
  'POST',
  'DELETE',
  'OPTIONS',
  'HEAD',
  'PATCH',
  'TRACE',
] as const;

/**
 * Each call keeps the application unstable until its caller has the answer, not only while the
 * request is on the wire: HttpClient's own pending task ends before the body is read, and the
 * answer reaches the page a few steps later. Server rendering waits for the application to be
 * stable before writing the page, so it must wait for the page's data; and in the browser,
 * hydration removes, once the application is first stable, the server-rendered blocks that no
 * template has claimed yet (an `@if` whose data is still on its way): released too early, the
 * verification page lost its verdict and details and drew them again (a layout shift of 0.67).
 * Ending a task schedules a render (PendingTasks), which runs after the caller's continuation.
 */
export function unstableUntilAnswered(client: OrisApiClient, tasks: PendingTasks): OrisApiClient {
  const held: Record<string, unknown> = { ...client };
  for (const name of CALLS) {
    const call = client[name] as (...args: unknown[]) => Promise<unknown>;
    held[name] = (...args: unknown[]) => {
      const done = tasks.add();
      return call(...args).finally(done);
    };
  }
  return held as unknown as OrisApiClient;
}
