import { isValidIssn, issnCheckCharacter, normalizeIssn } from './issn';

describe('ISSN', () => {
  it('computes the check character, X standing for ten', () => {
    expect(issnCheckCharacter('0317847')).toBe('1');
    expect(issnCheckCharacter('2049363')).toBe('0');
    expect(issnCheckCharacter('1050124')).toBe('X');
    expect(issnCheckCharacter('0000000')).toBe('0');
  });

  it('normalises the ways people write a valid ISSN to NNNN-NNNC', () => {
    expect(normalizeIssn('0317-8471')).toBe('0317-8471');
    expect(normalizeIssn('03178471')).toBe('0317-8471');
    expect(normalizeIssn(' 0317 8471 ')).toBe('0317-8471');
    expect(normalizeIssn('1050-124x')).toBe('1050-124X');
    expect(normalizeIssn('ISSN 2049-3630')).toBe('2049-3630');
    expect(normalizeIssn('eISSN: 2049–3630')).toBe('2049-3630');
  });

  it('refuses a wrong check character, a wrong length, letters and empty values', () => {
    expect(normalizeIssn('0317-8472')).toBeNull();
    expect(normalizeIssn('1050-1240')).toBeNull();
    expect(normalizeIssn('0317-847')).toBeNull();
    expect(normalizeIssn('0317-84711')).toBeNull();
    expect(normalizeIssn('X317-8471')).toBeNull();
    expect(normalizeIssn('')).toBeNull();
    expect(normalizeIssn(null)).toBeNull();
    expect(isValidIssn('2049-3630')).toBe(true);
    expect(isValidIssn('2049-3631')).toBe(false);
  });
});
