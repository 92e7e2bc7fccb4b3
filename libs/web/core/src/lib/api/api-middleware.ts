import type { Middleware } from '@oris/shared/api-client';

// The auth routes: they read the refresh token's cookie, and answer 401 for bad credentials or an
// absent cookie (retrying them is pointless).
const AUTH_PATH = /\/api\/v1\/auth\//;

/**
 * Sends the interface language with every request, and the refresh token's cookie to the auth
 * routes, the only ones that read a cookie (the others authenticate by the Bearer header). The
 * other requests keep fetch's default (`same-origin`: the API is served from the app's origin, in
 * production behind nginx and in development through the dev server's proxy). Asking for
 * credentials explicitly on a read would keep Angular's transfer cache from handing the reads of a
 * server-rendered page to the browser: it neither stores nor serves credentialed requests, so
 * hydration would fetch every read again.
 */
export function requestDefaults(language: () => string): Middleware {
  return {
    onRequest: ({ request }) => {
      const headers = new Headers(request.headers);
      headers.set('Accept-Language', language());
      return AUTH_PATH.test(new URL(request.url).pathname)
        ? new Request(request, { credentials: 'include', headers })
        : new Request(request, { headers });
    },
  };
}

export interface BearerDeps {
  accessToken: () => string | null;
  /** Obtains a new access token, or null when the session is over. */
  refreshAccessToken: () => Promise<string | null>;
  fetch: (request: Request) => Promise<Response>;
}

/**
 * Adds `Authorization: Bearer` and, when the API answers 401, refreshes the access token once
 * and replays the request with it.
 */
export function bearerWithRefresh(deps: BearerDeps): Middleware {
  const pending = new Map<string, { replay: Request; token: string | null }>();
  return {
    onRequest: ({ request, id }) => {
      const token = deps.accessToken();
      const authorised = withBearer(request, token);
      if (!AUTH_PATH.test(new URL(authorised.url).pathname)) {
        pending.set(id, { replay: authorised.clone(), token });
      }
      return authorised;
    },
    onResponse: async ({ response, id }) => {
      const sent = pending.get(id);
      pending.delete(id);
      if (response.status !== 401 || !sent) return response;
      // Another call may already have refreshed while this one was in flight.
      const current = deps.accessToken();
      const token =
        current !== null && current !== sent.token ? current : await deps.refreshAccessToken();
      return token === null ? response : deps.fetch(withBearer(sent.replay, token));
    },
    onError: ({ id }) => {
      pending.delete(id);
    },
  };
}

function withBearer(request: Request, token: string | null): Request {
  const headers = new Headers(request.headers);
  if (token === null) {
    headers.delete('Authorization');
  } else {
    headers.set('Authorization', `Bearer ${token}`);
  }
  return new Request(request, { headers });
}
