import { DOCUMENT, inject, PLATFORM_ID, REQUEST } from '@angular/core';
import { isPlatformBrowser } from '@angular/common';

/** The page's cookies: the browser's own, or on the server the request's (read-only there). */
export interface CookieJar {
  read(name: string): string | null;
  /** Sets a first-party, non-secret cookie for the whole site; nothing on the server. */
  write(name: string, value: string, maxAgeSeconds: number): void;
}

/** Reads `name` from a `Cookie` header or `document.cookie` string. */
export function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

/**
 * The one way the app reads and writes its two hint cookies (language, session hint), the same in
 * the browser and in server-side rendering. Call it in an injection context.
 */
export function cookieJar(): CookieJar {
  const document = inject(DOCUMENT);
  const browser = isPlatformBrowser(inject(PLATFORM_ID));
  const request = browser ? null : inject(REQUEST, { optional: true });
  return {
    read: (name) =>
      cookieValue(browser ? document.cookie : (request?.headers.get('cookie') ?? ''), name),
    write: (name, value, maxAgeSeconds) => {
      if (!browser) return;
      document.cookie = `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; SameSite=Lax`;
    },
  };
}
