import { isDateOnly, isDateTime } from './dates';

describe('dates', () => {
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
