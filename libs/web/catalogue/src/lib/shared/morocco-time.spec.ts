import { isoToMoroccoTime, moroccoTimeToIso } from './morocco-time';

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

  it('shows an instant as the Moroccan clock does', () => {
    expect(isoToMoroccoTime('2026-05-04T08:00:00.000Z')).toEqual({
      day: '2026-05-04',
      time: '09:00',
    });
    expect(isoToMoroccoTime('2026-10-12T23:30:00+00:00')).toEqual({
      day: '2026-10-13',
      time: '00:30',
    });
  });

  it('gives back the time it was given', () => {
    for (const [day, time] of [
      ['2026-01-15', '14:15'],
      ['2026-03-02', '08:45'],
      ['2026-07-30', '00:00'],
    ]) {
      expect(isoToMoroccoTime(moroccoTimeToIso(day, time))).toEqual({ day, time });
    }
  });
});
