import {
  addDays,
  addMonths,
  firstNameOf,
  hashSurveyToken,
  isSurveyTokenShaped,
  newSurveyToken,
} from './followup-policy';

describe('follow-up rules', () => {
  it('adds calendar months, clamped to the end of the month', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2025-03-31', 9)).toBe('2025-12-31');
    expect(addMonths('2025-05-31', 6)).toBe('2025-11-30');
    expect(addMonths('2025-01-15', 12)).toBe('2026-01-15');
  });

  it('adds days across months and years', () => {
    expect(addDays('2025-12-20', 14)).toBe('2026-01-03');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('makes unguessable tokens of 256 bits, stored only as their SHA-256', () => {
    const tokens = new Set(Array.from({ length: 200 }, newSurveyToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(isSurveyTokenShaped(token)).toBe(true);
    const [token] = tokens;
    expect(hashSurveyToken(token)).toHaveLength(32);
    expect(hashSurveyToken(token).equals(hashSurveyToken(token))).toBe(true);
    expect(isSurveyTokenShaped('short')).toBe(false);
    expect(isSurveyTokenShaped(`${token.slice(0, 42)}/`)).toBe(false);
  });

  it('greets by the first word of the name', () => {
    expect(firstNameOf('  Amina El Idrissi ')).toBe('Amina');
    expect(firstNameOf('محمد العلوي')).toBe('محمد');
  });
});
