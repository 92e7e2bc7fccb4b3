import { ANY_VERIFICATION_CODE, READABLE_CODE, VERIFICATION_ALPHABET } from '@oris/shared/domain';
import { formatSerial, newVerificationCode } from './issuance-facts';

describe('formatSerial', () => {
  it('writes ORIS-YYYY-NNNNNN, growing past six digits rather than wrapping', () => {
    expect(formatSerial(2026, 123)).toBe('ORIS-2026-000123');
    expect(formatSerial(2026, 1_234_567)).toBe('ORIS-2026-1234567');
  });
});

describe('newVerificationCode', () => {
  it('holds at least 128 random bits in upper case, without look-alike characters', () => {
    const code = newVerificationCode();
    expect(code).toMatch(READABLE_CODE);
    expect(code).not.toMatch(/[01OILU]/);
    expect(code.length * Math.log2(VERIFICATION_ALPHABET.length)).toBeGreaterThanOrEqual(128);
  });

  it('fits the column every code has been stored in', () => {
    expect(newVerificationCode()).toMatch(ANY_VERIFICATION_CODE);
  });

  it('uses every symbol of the alphabet', () => {
    const seen = new Set(Array.from({ length: 200 }, newVerificationCode).join(''));
    expect([...seen].sort().join('')).toBe([...VERIFICATION_ALPHABET].sort().join(''));
  });

  it('never repeats', () => {
    const codes = new Set(Array.from({ length: 10_000 }, newVerificationCode));
    expect(codes.size).toBe(10_000);
  });
});
