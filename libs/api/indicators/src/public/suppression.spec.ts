import { withRates } from '../engine/insertion-indicators.service';
import { MINIMUM_CELL_SIZE, suppressSmallCells } from './public-indicators.service';

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
