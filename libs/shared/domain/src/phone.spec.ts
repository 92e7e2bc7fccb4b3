import { E164_PATTERN, formatPhone, isValidPhone, normalisePhone } from './phone';

describe('normalisePhone', () => {
  it.each([
    ['0612345678', '+212612345678'],
    ['0712345678', '+212712345678'],
    ['0522123456', '+212522123456'],
    ['06 12 34 56 78', '+212612345678'],
    ['06-12-34-56-78', '+212612345678'],
    ['06.12.34.56.78', '+212612345678'],
    ['  0612345678  ', '+212612345678'],
    ['+212612345678', '+212612345678'],
    ['+212 6 12 34 56 78', '+212612345678'],
    ['+212 (0)6 12 34 56 78', '+212612345678'],
    ['00212612345678', '+212612345678'],
    ['00 212 5 22 12 34 56', '+212522123456'],
  ])('reads the Moroccan number %s as %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each([
    ['+33 6 12 34 56 78', '+33612345678'],
    ['0033612345678', '+33612345678'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['+34 612 34 56 78', '+34612345678'],
  ])('keeps the international number %s as %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['612345678', 'no national 0 nor country code'],
    ['0812345678', 'a Moroccan prefix other than 05, 06 and 07'],
    ['061234567', 'one digit short'],
    ['06123456789', 'one digit too many'],
    ['+212812345678', 'a Moroccan number outside 5, 6 and 7 after +212'],
    ['+21261234567', 'a Moroccan number one digit short after +212'],
    ['+0612345678', 'a country code starting with 0'],
    ['+1234567', 'under E.164’s 8 digits'],
    ['+1234567890123456', 'over E.164’s 15 digits'],
    ['06 12 34 56 7a', 'a letter'],
    ['tel:0612345678', 'a scheme'],
    ['+212 6 12 34 56 78 ' + ' '.repeat(20), 'longer than any phone number is written'],
  ])('refuses %j (%s)', (input) => {
    expect(normalisePhone(input)).toBeNull();
    expect(isValidPhone(input)).toBe(false);
  });

  it('always answers E.164 when it accepts', () => {
    for (const input of ['0612345678', '+33612345678', '00212522123456']) {
      expect(normalisePhone(input)).toMatch(E164_PATTERN);
    }
  });

  it('is idempotent: an E.164 answer normalises to itself', () => {
    const once = normalisePhone('07 00 11 22 33');
    expect(once).not.toBeNull();
    expect(normalisePhone(once as string)).toBe(once);
  });
});

describe('formatPhone', () => {
  it('groups a Moroccan number as it is read out', () => {
    expect(formatPhone('+212612345678')).toBe('+212 6 12 34 56 78');
    expect(formatPhone('+212522123456')).toBe('+212 5 22 12 34 56');
  });

  it('leaves other numbers as stored', () => {
    expect(formatPhone('+33612345678')).toBe('+33612345678');
  });
});
