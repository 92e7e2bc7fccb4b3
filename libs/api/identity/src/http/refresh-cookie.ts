import type { AppConfig } from '@oris/api/platform';
import type { CookieSerializeOptions } from '@fastify/cookie';

export const REFRESH_COOKIE = 'oris_refresh';
/** Sent only to the auth routes, never to the rest of the API. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

export function refreshCookieOptions(config: AppConfig, expiresAt?: Date): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.cookieSecure,
    path: REFRESH_COOKIE_PATH,
    ...(expiresAt
      ? {
          maxAge: Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000)),
          expires: expiresAt,
        }
      : {}),
  };
}
