import { formatSerial, newVerificationCode } from './issuance-facts';

describe('formatSerial', () => {
  it('writes ORIS-YYYY-NNNNNN, growing past six digits rather than wrapping', () => {
    expect(formatSerial(2026, 123)).toBe('ORIS-2026-000123');
    expect(formatSerial(2026, 1_234_567)).toBe('ORIS-2026-1234567');
  });
});

describe('newVerificationCode', () => {
  it('is base64url of at least 128 random bits', () => {
    const code = newVerificationCode();
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(code, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
  });

  it('never repeats', () => {
    const codes = new Set(Array.from({ length: 10_000 }, newVerificationCode));
    expect(codes.size).toBe(10_000);
  });
});
