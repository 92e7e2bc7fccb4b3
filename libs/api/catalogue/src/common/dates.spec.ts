import { dayInMorocco, isDateOnly, isDateTime, todayInMorocco } from './dates';

describe('dates', () => {
  it('reckons the day in Morocco, not in UTC', () => {
    // 23:30 UTC on 1 November is already 2 November at 00:30 in Casablanca (UTC+1)…
    expect(dayInMorocco(new Date('2026-11-01T23:30:00Z'))).toBe('2026-11-02');
    // …but not during Ramadan, when Morocco returns to UTC+0.
    expect(dayInMorocco(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-01');
    expect(todayInMorocco(new Date('2026-03-01T12:00:00Z'))).toBe('2026-03-01');
  });

  it.each(['2026-01-31', '2028-02-29'])('accepts the calendar day %s', (value) => {
    expect(isDateOnly(value)).toBe(true);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-1-1', '2026-01-01T00:00:00Z', '', 20260101, null])(
    'refuses %p as a calendar day',
    (value) => {
      expect(isDateOnly(value)).toBe(false);
    },
  );

  it.each(['2026-03-02T09:00:00+01:00', '2026-03-02T09:00Z', '2026-03-02T09:00:00.000Z'])(
    'accepts the instant %s',
    (value) => {
      expect(isDateTime(value)).toBe(true);
    },
  );

  it.each(['2026-03-02T09:00:00', '2026-03-02', '2026-02-30T09:00:00Z', 'tomorrow'])(
    'refuses %p as an instant (a time zone is required)',
    (value) => {
      expect(isDateTime(value)).toBe(false);
    },
  );
});
