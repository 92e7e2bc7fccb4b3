import { hashSecretToken, isSecretTokenShaped, newSecretToken } from './secret-token';

describe('secret tokens', () => {
  it('are 256-bit base64url strings, different every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, newSecretToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) {
      expect(isSecretTokenShaped(token)).toBe(true);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
  });

  it('are stored as their SHA-256, never as themselves', () => {
    const token = newSecretToken();
    const stored = hashSecretToken(token);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(token);
    expect(hashSecretToken(token)).toBe(stored);
  });

  it('matches the published SHA-256 test vector', () => {
    expect(hashSecretToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('rejects values that cannot be tokens before touching the database', () => {
    expect(isSecretTokenShaped('')).toBe(false);
    expect(isSecretTokenShaped('x'.repeat(44))).toBe(false);
    expect(isSecretTokenShaped("' OR 1=1 --" + 'a'.repeat(32))).toBe(false);
    expect(isSecretTokenShaped(undefined)).toBe(false);
  });
});
