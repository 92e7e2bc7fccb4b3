import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the shape of every refresh token and reset link token. */
export const newSecretToken = (): string => randomBytes(32).toString('base64url');

const SECRET_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const isSecretTokenShaped = (value: unknown): value is string =>
  typeof value === 'string' && SECRET_TOKEN.test(value);

/**
 * What the database stores instead of the token. A fast hash is enough: the input has 256 bits of
 * entropy, so unlike a password it cannot be guessed from its hash.
 */
export const hashSecretToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');
