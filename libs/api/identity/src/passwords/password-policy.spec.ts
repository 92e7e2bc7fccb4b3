import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblems('ferme-olive-atlas-42')).toEqual([]);
  });

  it('refuses fewer than 10 characters', () => {
    expect(passwordProblems('short-pw9')).toEqual(['must be at least 10 characters long']);
  });

  it('counts characters, not UTF-16 units, so 10 Arabic letters pass the length rule', () => {
    expect(passwordProblems('كلمةالسرّطويلة')).toEqual([]);
    expect(passwordProblems('😀😀😀😀😀')).toEqual(['must be at least 10 characters long']);
  });

  it('refuses more than 128 characters', () => {
    expect(passwordProblems('a'.repeat(129))).toEqual(['must be at most 128 characters long']);
  });

  it('refuses a password from the common-password list whatever its case', () => {
    expect(passwordProblems('1234567890')).toEqual([
      'is too common: choose a less predictable password',
    ]);
    expect(passwordProblems('QwertyUiop')).toEqual([
      'is too common: choose a less predictable password',
    ]);
  });

  it('refuses a common word followed only by digits or symbols', () => {
    expect(passwordProblems('Password12!')).toEqual([
      'is too common: choose a less predictable password',
    ]);
    expect(passwordProblems('marrakech2026')).toEqual([
      'is too common: choose a less predictable password',
    ]);
  });

  it('refuses passwords common in Morocco that the English list misses', () => {
    for (const password of ['azertyuiop', 'motdepasse', 'Bismillah123', 'casablanca']) {
      expect(passwordProblems(password)).toEqual([
        'is too common: choose a less predictable password',
      ]);
    }
  });

  it('does not refuse a passphrase because it ends with digits', () => {
    expect(passwordProblems('cedre-atlas-2026!')).toEqual([]);
    expect(passwordProblems('oris-demo-2026')).toEqual([]);
  });

  it('refuses the email address or its local part', () => {
    expect(
      passwordProblems('Fatima.Zahra@example.ma', { email: 'fatima.zahra@example.ma' }),
    ).toEqual(['must not be your email address']);
    expect(passwordProblems('fatima.zahra', { email: 'fatima.zahra@example.ma' })).toEqual([
      'must not be your email address',
    ]);
  });
});
