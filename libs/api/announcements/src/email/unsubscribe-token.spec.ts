import {
  hashUnsubscribeToken,
  isUnsubscribeTokenShaped,
  newUnsubscribeToken,
} from './unsubscribe-token';

describe('unsubscribe tokens', () => {
  it('are 256 random bits, URL-safe, never twice the same', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newUnsubscribeToken()));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(isUnsubscribeTokenShaped(token)).toBe(true);
  });

  it('are stored as their SHA-256 only', () => {
    const token = newUnsubscribeToken();
    const hash = hashUnsubscribeToken(token);
    expect(hash).toHaveLength(32);
    expect(hash.toString('base64url')).not.toBe(token);
    expect(hashUnsubscribeToken(token).equals(hash)).toBe(true);
  });

  it('refuses anything not shaped like one before any lookup', () => {
    for (const value of ['', 'short', 'A'.repeat(44), `${'A'.repeat(42)}=`, `${'A'.repeat(42)}/`])
      expect(isUnsubscribeTokenShaped(value)).toBe(false);
  });
});
