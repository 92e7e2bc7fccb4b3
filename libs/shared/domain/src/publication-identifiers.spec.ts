import { normalizeDoi, normalizeIsbn, normalizeOrcid } from './publication-identifiers';

describe('normalizeDoi', () => {
  it.each([
    ['10.1234/ABC.def', '10.1234/abc.def'],
    ['https://doi.org/10.1234/abc', '10.1234/abc'],
    ['http://dx.doi.org/10.1234/abc', '10.1234/abc'],
    ['HTTPS://DOI.ORG/10.1234/ABC', '10.1234/abc'],
    ['doi:10.1234/abc', '10.1234/abc'],
    ['DOI: 10.1234/abc', '10.1234/abc'],
    [' 10.1234/ab c \n', '10.1234/abc'],
    ['10.123456789/x', '10.123456789/x'],
    ['10.1000.10/x(1)', '10.1000.10/x(1)'],
    ['https://doi.org/10.1000/a%2Fb', '10.1000/a/b'],
  ])('stores %j as %j', (input, stored) => {
    expect(normalizeDoi(input)).toBe(stored);
  });

  it.each(['', '10.123/abc', '10.1234567890/abc', '11.1234/abc', '10.1234/', 'abc', '10.1234'])(
    'refuses %j',
    (input) => {
      expect(normalizeDoi(input)).toBeNull();
    },
  );
});

describe('normalizeOrcid', () => {
  it('accepts a valid iD, bare or as a URL, and writes it with hyphens', () => {
    expect(normalizeOrcid('0000-0002-1825-0097')).toBe('0000-0002-1825-0097');
    expect(normalizeOrcid('https://orcid.org/0000-0002-1694-233X')).toBe('0000-0002-1694-233X');
    expect(normalizeOrcid('000000021825 0097')).toBe('0000-0002-1825-0097');
    expect(normalizeOrcid('0000-0002-1694-233x')).toBe('0000-0002-1694-233X');
  });

  it('refuses a wrong check digit or shape', () => {
    expect(normalizeOrcid('0000-0002-1825-0098')).toBeNull();
    expect(normalizeOrcid('0000-0002-1825')).toBeNull();
    expect(normalizeOrcid('abcd-0002-1825-0097')).toBeNull();
  });
});

describe('normalizeIsbn', () => {
  it('stores ISBN-13 digits, converting an ISBN-10', () => {
    expect(normalizeIsbn('978-3-16-148410-0')).toBe('9783161484100');
    expect(normalizeIsbn('ISBN 0-306-40615-2')).toBe('9780306406157');
    expect(normalizeIsbn('0-8044-2957-X')).toBe('9780804429573');
  });

  it('refuses a wrong check digit', () => {
    expect(normalizeIsbn('978-3-16-148410-1')).toBeNull();
    expect(normalizeIsbn('0-306-40615-3')).toBeNull();
    expect(normalizeIsbn('12345')).toBeNull();
  });
});
