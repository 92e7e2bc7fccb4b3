import { provideHttpClient, withFetch } from '@angular/common/http';
import { type EnvironmentProviders, makeEnvironmentProviders } from '@angular/core';
import {
  provideClientHydration,
  withEventReplay,
  withHttpTransferCacheOptions,
  withIncrementalHydration,
} from '@angular/platform-browser';
import { API_FETCH } from '../api/api.tokens';
import { httpClientFetch } from '../api/http-client-fetch';

/**
 * What server-rendered public pages need in the browser: hydration of the server's HTML (clicks
 * made before the scripts ran are replayed; `@defer (hydrate on …)` blocks wake up when needed)
 * and the API's reads handed over in the page (HttpClient's transfer cache, see httpClientFetch).
 * Pages rendered in the browser only are unaffected.
 */
export function provideServerRenderedPages(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(withFetch()),
    provideClientHydration(
      withEventReplay(),
      withIncrementalHydration(),
      // The API client reads the content type to parse problem details.
      withHttpTransferCacheOptions({ includeHeaders: ['content-type'] }),
    ),
    { provide: API_FETCH, useFactory: httpClientFetch },
  ]);
}
