import { DOCUMENT, inject, InjectionToken } from '@angular/core';

/** Origin the API paths are resolved against: by default the page's own (`/api` is proxied). */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', {
  providedIn: 'root',
  factory: () => inject(DOCUMENT).location.origin,
});

export type FetchFn = (request: Request) => Promise<Response>;

/** The transport under the API clients, replaceable in tests. */
export const API_FETCH = new InjectionToken<FetchFn>('API_FETCH', {
  providedIn: 'root',
  factory: () => (request: Request) => fetch(request),
});
