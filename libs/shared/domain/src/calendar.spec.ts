import {
  addDays,
  addMonths,
  dayInMorocco,
  isDateOnly,
  isDateTime,
  isoToMoroccoTime,
  moroccoTimeToIso,
  todayInMorocco,
} from './calendar';

// Morocco is on UTC+1 except during Ramadan, when it returns to UTC+0. In 2026 the clocks go back
// at 03:00 on 15 February (02:00 UTC) and forward at 02:00 on 22 March (02:00 UTC).

describe('the day in Morocco', () => {
  it('is already the next day at 23:30 UTC on UTC+1', () => {
    expect(dayInMorocco(new Date('2026-11-01T23:30:00Z'))).toBe('2026-11-02');
    expect(todayInMorocco(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInMorocco(new Date('2026-12-31T12:00:00Z'))).toBe('2026-12-31');
  });

  it('is still the same day at 23:30 UTC during Ramadan (UTC+0)', () => {
    expect(dayInMorocco(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-01');
    expect(todayInMorocco(new Date('2026-03-01T12:00:00Z'))).toBe('2026-03-01');
  });

  it('starts at the Moroccan midnight, not the UTC one', () => {
    expect(dayInMorocco(new Date('2026-06-14T22:59:59.999Z'))).toBe('2026-06-14');
    expect(dayInMorocco(new Date('2026-06-14T23:00:00Z'))).toBe('2026-06-15');
    expect(dayInMorocco(new Date('2026-03-10T23:59:59.999Z'))).toBe('2026-03-10');
    expect(dayInMorocco(new Date('2026-03-11T00:00:00Z'))).toBe('2026-03-11');
  });

  it('crosses the last day of a month and a leap day at the Moroccan midnight', () => {
    expect(dayInMorocco(new Date('2026-04-30T22:30:00Z'))).toBe('2026-04-30');
    expect(dayInMorocco(new Date('2026-04-30T23:30:00Z'))).toBe('2026-05-01');
    // 2024's leap day fell before Ramadan (UTC+1), 2028's falls within it (UTC+0).
    expect(dayInMorocco(new Date('2024-02-28T23:30:00Z'))).toBe('2024-02-29');
    expect(dayInMorocco(new Date('2028-02-28T23:30:00Z'))).toBe('2028-02-28');
    expect(dayInMorocco(new Date('2028-02-29T23:30:00Z'))).toBe('2028-02-29');
  });

  it('keeps the day across both Ramadan clock changes', () => {
    // 00:30 on 15 February (UTC+1), then the hour from 02:00 to 03:00 is lived twice.
    expect(dayInMorocco(new Date('2026-02-14T23:30:00Z'))).toBe('2026-02-15');
    expect(dayInMorocco(new Date('2026-02-15T02:30:00Z'))).toBe('2026-02-15');
    // 23:30 on 21 March (UTC+0), then 03:30 on 22 March (UTC+1).
    expect(dayInMorocco(new Date('2026-03-21T23:30:00Z'))).toBe('2026-03-21');
    expect(dayInMorocco(new Date('2026-03-22T02:30:00Z'))).toBe('2026-03-22');
  });
});

describe('Moroccan wall-clock times', () => {
  it('reads a morning meeting as UTC+1 outside Ramadan', () => {
    expect(moroccoTimeToIso('2026-05-04', '09:00')).toBe('2026-05-04T08:00:00.000Z');
  });

  it('follows the clock change during Ramadan (UTC+0)', () => {
    expect(moroccoTimeToIso('2026-03-02', '09:00')).toBe('2026-03-02T09:00:00.000Z');
  });

  it('keeps the day of a late evening meeting', () => {
    expect(moroccoTimeToIso('2026-10-12', '23:30')).toBe('2026-10-12T22:30:00.000Z');
  });

  it('starts a Moroccan day at its own midnight on either offset', () => {
    expect(moroccoTimeToIso('2026-06-15', '00:00')).toBe('2026-06-14T23:00:00.000Z');
    expect(moroccoTimeToIso('2026-03-01', '00:00')).toBe('2026-03-01T00:00:00.000Z');
    // The first and last days of Ramadan time start on the offset of the night before.
    expect(moroccoTimeToIso('2026-02-15', '00:00')).toBe('2026-02-14T23:00:00.000Z');
    expect(moroccoTimeToIso('2026-03-22', '00:00')).toBe('2026-03-22T00:00:00.000Z');
    expect(moroccoTimeToIso('2026-03-23', '00:00')).toBe('2026-03-22T23:00:00.000Z');
  });

  it('reads times on either side of the clock changes', () => {
    expect(moroccoTimeToIso('2026-02-15', '09:00')).toBe('2026-02-15T09:00:00.000Z');
    expect(moroccoTimeToIso('2026-03-22', '09:00')).toBe('2026-03-22T08:00:00.000Z');
  });

  it('shows an instant as the Moroccan clock does', () => {
    expect(isoToMoroccoTime('2026-05-04T08:00:00.000Z')).toEqual({
      day: '2026-05-04',
      time: '09:00',
    });
    expect(isoToMoroccoTime('2026-10-12T23:30:00+00:00')).toEqual({
      day: '2026-10-13',
      time: '00:30',
    });
    expect(isoToMoroccoTime('2026-03-22T02:30:00Z')).toEqual({ day: '2026-03-22', time: '03:30' });
  });

  it('gives back the time it was given', () => {
    for (const [day, time] of [
      ['2026-01-15', '14:15'],
      ['2026-03-02', '08:45'],
      ['2026-07-30', '00:00'],
      ['2026-02-14', '23:59'],
      ['2026-03-22', '12:00'],
      ['2028-02-29', '00:00'],
    ]) {
      expect(isoToMoroccoTime(moroccoTimeToIso(day, time))).toEqual({ day, time });
    }
  });
});

describe('day arithmetic', () => {
  it('adds calendar months, clamped to the end of the month', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2025-03-31', 9)).toBe('2025-12-31');
    expect(addMonths('2025-05-31', 6)).toBe('2025-11-30');
    expect(addMonths('2025-01-15', 12)).toBe('2026-01-15');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
  });

  it('adds days across months, years and a leap day', () => {
    expect(addDays('2025-12-20', 14)).toBe('2026-01-03');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    // Days of a clock change are whole days too.
    expect(addDays('2026-03-21', 1)).toBe('2026-03-22');
  });
});

describe('calendar day and instant formats', () => {
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
