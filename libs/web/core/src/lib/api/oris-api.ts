import { inject, InjectionToken } from '@angular/core';
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
    return createOrisApiClient({
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
  },
});
