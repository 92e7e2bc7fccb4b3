import { createHash, randomBytes } from 'node:crypto';

/**
 * 256 random bits, URL-safe: the one-click unsubscribe link's token, as the survey links' (S5).
 * Only its SHA-256 is stored; the link travels in the email and in a request body, never in a
 * URL the API logs.
 */
export function newUnsubscribeToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashUnsubscribeToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Tokens are 43 base64url characters; anything else is refused before any lookup. */
export function isUnsubscribeTokenShaped(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
