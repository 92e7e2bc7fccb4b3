import { withRates } from '../engine/insertion-indicators.service';
import { publicFigures, yearEligibility } from './public-figures';

describe('withRates', () => {
  it('divides by respondents and eligible persons, null (never 0 or NaN) on a zero denominator', () => {
    expect(withRates({ trained: 10, eligible: 8, inserted: 3, employed: 2, responded: 6 })).toEqual(
      {
        trained: 10,
        eligible: 8,
        inserted: 3,
        employed: 2,
        responded: 6,
        insertionRate: 0.5,
        employmentRate: 2 / 6,
        responseRate: 0.75,
        lowerBoundRate: 3 / 8,
      },
    );
    expect(
      withRates({ trained: 4, eligible: 0, inserted: 0, employed: 0, responded: 0 }),
    ).toMatchObject({
      insertionRate: null,
      employmentRate: null,
      responseRate: null,
      lowerBoundRate: null,
    });
  });
});

describe('publicFigures', () => {
  type Counts = Parameters<typeof withRates>[0];
  const group = (key: string, counts: Counts) => ({ key, ...withRates(counts) });
  const totalOf = (groups: ReturnType<typeof group>[]) =>
    withRates({
      trained: groups.reduce((sum, g) => sum + g.trained, 0),
      eligible: groups.reduce((sum, g) => sum + g.eligible, 0),
      inserted: groups.reduce((sum, g) => sum + g.inserted, 0),
      employed: groups.reduce((sum, g) => sum + g.employed, 0),
      responded: groups.reduce((sum, g) => sum + g.responded, 0),
    });
  const large = { trained: 40, eligible: 30, inserted: 12, employed: 10, responded: 20 };

  it('shows everything when every count reaches 5', () => {
    const groups = [group('MA-01', large), group('MA-02', { ...large, inserted: 5, employed: 5 })];
    const { total, tables } = publicFigures(totalOf(groups), [groups]);
    expect(total).toMatchObject({ trained: 80, inserted: 17, suppressed: false });
    expect(tables[0].every((cell) => !cell.suppressed)).toBe(true);
    expect(tables[0][1]).toMatchObject({ inserted: 5, employed: 5, insertionRate: 5 / 20 });
  });

  it('hides a small count with the smaller ones of its cell and every rate derived from them', () => {
    const groups = [
      group('MA-01', { trained: 40, eligible: 30, responded: 20, inserted: 4, employed: 3 }),
      group('MA-02', { trained: 40, eligible: 30, responded: 20, inserted: 9, employed: 6 }),
      group('MA-03', { trained: 40, eligible: 30, responded: 20, inserted: 12, employed: 10 }),
    ];
    const { total, tables } = publicFigures(totalOf(groups), [groups]);
    expect(total.suppressed).toBe(false);
    expect(tables[0][0]).toEqual({
      key: 'MA-01',
      trained: 40,
      eligible: 30,
      responded: 20,
      inserted: null,
      employed: null,
      insertionRate: null,
      employmentRate: null,
      responseRate: 20 / 30,
      lowerBoundRate: null,
      suppressed: true,
    });
    // MA-02 is the complement, with its employed: total − MA-03 gives 13 inserted, 9 employed for
    // two regions, and neither region's share.
    expect(tables[0][1]).toMatchObject({ inserted: null, employed: null, responseRate: 20 / 30 });
    expect(tables[0][2]).toMatchObject({ inserted: 12, employed: 10, suppressed: false });
  });

  it('hides a rate whose denominator is hidden, even with a visible numerator', () => {
    const groups = [
      group('MA-01', { trained: 12, eligible: 4, inserted: 0, employed: 0, responded: 0 }),
      group('MA-02', { trained: 12, eligible: 12, inserted: 8, employed: 6, responded: 10 }),
    ];
    const { tables } = publicFigures(totalOf(groups), [groups]);
    expect(tables[0][0]).toMatchObject({ eligible: null, responseRate: null, suppressed: true });
  });

  it('suppresses both tables of one population together: a total hidden for one is hidden in both', () => {
    const regions = [
      group('MA-01', { trained: 3, eligible: 3, inserted: 1, employed: 1, responded: 2 }),
      group('MA-02', { trained: 1, eligible: 0, inserted: 0, employed: 0, responded: 0 }),
    ];
    const years = [
      group('2025', { trained: 4, eligible: 3, inserted: 1, employed: 1, responded: 2 }),
    ];
    const { total, tables } = publicFigures(totalOf(regions), [regions, years]);
    expect(total).toMatchObject({ trained: null, suppressed: true });
    for (const cell of tables.flat()) expect(cell).toMatchObject({ trained: null, inserted: null });
  });
});

describe('yearEligibility', () => {
  const year = (key: string, trained: number, eligible: number) => ({
    key,
    ...withRates({ trained, eligible, responded: 0, inserted: 0, employed: 0 }),
  });

  it('says everybody of a year is eligible once its last day is 9 months past, nobody before its first is', () => {
    // 31 December 2025 + 9 months = 30 September 2026 (month end clamped).
    expect(yearEligibility(year('2025', 8, 8), '2026-09-30', 9)).toBe('all');
    expect(yearEligibility(year('2025', 8, 6), '2026-09-29', 9)).toBeUndefined();
    // 1 January 2026 + 9 months = 1 October 2026.
    expect(yearEligibility(year('2026', 8, 0), '2026-09-30', 9)).toBe('none');
    expect(yearEligibility(year('2026', 8, 1), '2026-10-01', 9)).toBeUndefined();
  });

  it('claims nothing the figures contradict, nor for a key that is not a year', () => {
    expect(yearEligibility(year('2025', 8, 7), '2026-09-30', 9)).toBeUndefined();
    expect(yearEligibility(year('2026', 8, 2), '2026-09-30', 9)).toBeUndefined();
    expect(yearEligibility(year('unknown', 8, 8), '2026-09-30', 9)).toBeUndefined();
  });
});
