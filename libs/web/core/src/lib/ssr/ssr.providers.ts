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
import { keepFieldsTypedBeforeHydration } from './typed-before-hydration';

/**
 * What server-rendered public pages need in the browser: hydration of the server's HTML (clicks
 * made before the scripts ran are replayed; `@defer (hydrate on …)` blocks wake up when needed)
 * and the API's reads handed over in the page (HttpClient's transfer cache, see httpClientFetch);
 * what a visitor typed into the server's fields before hydration is kept
 * (keepFieldsTypedBeforeHydration). Pages rendered in the browser only are unaffected.
 */
export function provideServerRenderedPages(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(withFetch()),
    // Before hydration's providers: its bootstrap listener must run before event replay's.
    keepFieldsTypedBeforeHydration(),
    provideClientHydration(
      withEventReplay(),
      withIncrementalHydration(),
      // The API client reads the content type to parse problem details.
      withHttpTransferCacheOptions({ includeHeaders: ['content-type'] }),
    ),
    { provide: API_FETCH, useFactory: httpClientFetch },
  ]);
}
