import {
  firstNameOf,
  hashSurveyToken,
  isSurveyTokenShaped,
  newSurveyToken,
} from './followup-policy';

describe('follow-up rules', () => {
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
