import { withRates } from '../engine/insertion-indicators.service';
import {
  MINIMUM_CELL_SIZE,
  suppressBreakdown,
  suppressSmallCells,
} from './public-indicators.service';

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

describe('suppressSmallCells', () => {
  it('hides counts under 5 and every rate derived from a hidden count', () => {
    const cell = suppressSmallCells(
      'MA-01',
      withRates({ trained: 40, eligible: 30, inserted: 4, employed: 3, responded: 20 }),
    );
    expect(MINIMUM_CELL_SIZE).toBe(5);
    expect(cell).toEqual({
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
  });

  it('shows everything when every count reaches 5', () => {
    const cell = suppressSmallCells(
      '2025',
      withRates({ trained: 9, eligible: 9, inserted: 5, employed: 5, responded: 6 }),
    );
    expect(cell).toMatchObject({ inserted: 5, insertionRate: 5 / 6, suppressed: false });
  });

  it('hides a rate whose denominator is hidden, even with a visible numerator', () => {
    const cell = suppressSmallCells(
      'x',
      withRates({ trained: 12, eligible: 4, inserted: 0, employed: 0, responded: 0 }),
    );
    expect(cell).toMatchObject({
      trained: 12,
      eligible: null,
      responseRate: null,
      suppressed: true,
    });
  });
});

describe('suppressBreakdown (complementary suppression)', () => {
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

  it('hides the next smallest group too when only one is under 5, so total − shown reveals nothing', () => {
    const groups = [
      group('MA-01', large),
      group('MA-04', { ...large, trained: 9, eligible: 8 }),
      group('MA-06', { ...large, trained: 3, eligible: 3, inserted: 2, employed: 1, responded: 3 }),
      group('MA-09', { ...large, trained: 11 }),
    ];
    // A region under 5 for every count; the others are above for every count but trained/eligible
    // of MA-04, which are the smallest shown and so become the complement for those two counts.
    const total = totalOf(groups);
    const cells = suppressBreakdown(total, groups);
    const byKey = Object.fromEntries(cells.map((cell) => [cell.key, cell]));

    expect(byKey['MA-06']).toMatchObject({
      trained: null,
      eligible: null,
      responded: null,
      inserted: null,
      employed: null,
      suppressed: true,
    });
    expect(byKey['MA-04']).toMatchObject({ trained: null, eligible: null, suppressed: true });
    // Every count now has exactly two hidden groups (or none): the difference gives only a sum.
    for (const name of ['trained', 'eligible', 'responded', 'inserted', 'employed'] as const) {
      expect(cells.filter((cell) => cell[name] === null)).toHaveLength(2);
      const shown = cells.reduce((sum, cell) => sum + (cell[name] ?? 0), 0);
      const hiddenSum = total[name] - shown;
      const hidden = groups.filter((g) => cells.find((c) => c.key === g.key)?.[name] === null);
      expect(hiddenSum).toBe(hidden.reduce((sum, g) => sum + g[name], 0));
      expect(hidden.every((g) => g[name] !== hiddenSum)).toBe(true);
    }
  });

  it('picks the smallest shown count of each kind as its complement, the first group on a tie', () => {
    const groups = [
      group('2024', { trained: 20, eligible: 20, inserted: 7, employed: 6, responded: 15 }),
      group('2025', { trained: 20, eligible: 20, inserted: 7, employed: 6, responded: 9 }),
      group('2026', { trained: 20, eligible: 20, inserted: 4, employed: 6, responded: 9 }),
    ];
    const cells = suppressBreakdown(totalOf(groups), groups);
    // inserted: 2026 is under 5; 2024 and 2025 tie at 7, the first one is hidden with it.
    expect(cells.map((cell) => cell.inserted)).toEqual([null, 7, null]);
    // Nothing else is under 5: every other count stays shown.
    expect(cells.map((cell) => cell.responded)).toEqual([15, 9, 9]);
    expect(cells.map((cell) => cell.employed)).toEqual([6, 6, 6]);
  });

  it('hides nothing more when no group is under 5', () => {
    const groups = [group('MA-01', large), group('MA-02', { ...large, inserted: 5, employed: 5 })];
    const cells = suppressBreakdown(totalOf(groups), groups);
    expect(cells.every((cell) => !cell.suppressed)).toBe(true);
    expect(cells[1]).toMatchObject({ inserted: 5, employed: 5, insertionRate: 5 / 20 });
  });

  it('leaves two or more hidden groups as they are: their sum is all the total gives away', () => {
    const small = { trained: 4, eligible: 4, inserted: 1, employed: 1, responded: 2 };
    const groups = [group('MA-01', large), group('MA-02', small), group('MA-03', small)];
    const cells = suppressBreakdown(totalOf(groups), groups);
    expect(cells[0]).toMatchObject({ ...large, suppressed: false });
    expect(cells[0].insertionRate).toBe(12 / 20);
    expect(cells[1]).toMatchObject({ trained: null, inserted: null, suppressed: true });
    expect(cells[2]).toMatchObject({ trained: null, inserted: null, suppressed: true });
  });

  it('hides the rates of a complement along with its count, and keeps the others', () => {
    const groups = [
      group('MA-01', { trained: 30, eligible: 25, inserted: 10, employed: 8, responded: 20 }),
      group('MA-02', { trained: 30, eligible: 25, inserted: 6, employed: 8, responded: 20 }),
      group('MA-03', { trained: 30, eligible: 25, inserted: 3, employed: 8, responded: 20 }),
    ];
    const [first, complement, primary] = suppressBreakdown(totalOf(groups), groups);
    expect(primary).toMatchObject({
      inserted: null,
      insertionRate: null,
      lowerBoundRate: null,
      employmentRate: 8 / 20,
      responseRate: 20 / 25,
    });
    // MA-02's 6 inserted would otherwise give MA-03's 3 back (19 − 10 − 6), directly or by its rates.
    expect(complement).toMatchObject({
      inserted: null,
      insertionRate: null,
      lowerBoundRate: null,
      employed: 8,
      employmentRate: 8 / 20,
      responseRate: 20 / 25,
      suppressed: true,
    });
    expect(first).toMatchObject({ inserted: 10, insertionRate: 0.5, suppressed: false });
  });

  it('adds no complement when the total itself is hidden', () => {
    const groups = [
      group('MA-01', { trained: 3, eligible: 3, inserted: 1, employed: 1, responded: 2 }),
      group('MA-02', { trained: 1, eligible: 0, inserted: 0, employed: 0, responded: 0 }),
    ];
    const total = totalOf(groups);
    expect(suppressSmallCells('total', total)).toMatchObject({ trained: null, suppressed: true });
    const cells = suppressBreakdown(total, groups);
    expect(cells.every((cell) => cell.trained === null && cell.inserted === null)).toBe(true);
  });
});
