import { formatDay, formatDayRange, formatMonth, formatTimeRange, intlLocale } from './formatting';

describe('date formatting', () => {
  it('writes Arabic dates with Western digits, as in Morocco', () => {
    expect(intlLocale('ar')).toBe('ar-MA-u-nu-latn');
    expect(formatDay('2026-03-02', 'ar')).toContain('2026');
  });

  it('keeps a calendar day whatever the time zone', () => {
    expect(formatDay('2026-03-01', 'fr')).toBe('1 mars 2026');
    expect(formatDay('2026-12-31', 'en')).toMatch(/^(31 December|December 31,) 2026$/);
  });

  it('writes a month and its year without a day, whatever the time zone', () => {
    expect(formatMonth('2026-03', 'fr')).toBe('mars 2026');
    expect(formatMonth('2026-12', 'en')).toBe('December 2026');
    expect(formatMonth('2026-01', 'ar')).toContain('2026');
  });

  it('writes a range of days once, and a one-day range as a day', () => {
    expect(formatDayRange('2026-03-02', '2026-03-06', 'fr')).toMatch(/^2\s?[–-]\s?6 mars 2026$/);
    expect(formatDayRange('2026-03-02', '2026-03-02', 'fr')).toBe('2 mars 2026');
  });

  it('shows meeting times in Moroccan time', () => {
    // 08:00 UTC is 09:00 in Casablanca outside Ramadan (UTC+1).
    expect(formatTimeRange('2026-05-04T08:00:00Z', '2026-05-04T11:30:00Z', 'fr')).toMatch(
      /09:00.*12:30/,
    );
  });
});
