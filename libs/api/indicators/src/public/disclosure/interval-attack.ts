import { NESTED_COUNTS, type KnownEligibility } from './disclosure';

/**
 * The attacker of the disclosure tests, written independently of the rule: from the published
 * numbers only, the range each hidden count can take. Used by the specs; not by the API.
 */

/** One cell as published: the nested counts in order, null where hidden. */
export type PublishedCell = readonly (number | null)[];

export interface Publication {
  total: PublishedCell;
  tables: readonly (readonly PublishedCell[])[];
  /** What the published definition tells of each group, per table (as for the rule). */
  eligibility?: readonly (readonly KnownEligibility[])[];
}

export interface Interval {
  low: number;
  high: number;
}

export interface Ranges {
  total: Interval[];
  tables: Interval[][][];
}

const LAST = NESTED_COUNTS.length - 1;

/**
 * Linear bounds propagation to a fixpoint over every published table: each table's groups sum to
 * the total count by count (the same total for every table), the counts of a cell are nested,
 * counts are whole and not negative, a listed group has someone trained, and what the definition
 * tells of a group's eligibility holds. `narrowed` lets the
 * exact search below fix some counts first. Returns null when no dataset fits.
 */
export function propagate(published: Publication, narrowed?: Ranges): Ranges | null {
  const start = (cell: PublishedCell, floor: number): Interval[] =>
    cell.map((value, index) =>
      value === null
        ? { low: index === 0 ? floor : 0, high: Number.POSITIVE_INFINITY }
        : { low: value, high: value },
    );
  const ranges: Ranges = narrowed
    ? structuredClone(narrowed)
    : {
        total: start(published.total, 0),
        tables: published.tables.map((groups) => groups.map((cell) => start(cell, 1))),
      };
  const known = (table: number, group: number) => published.eligibility?.[table]?.[group];
  const cells = [ranges.total, ...ranges.tables.flat()];
  ranges.tables.forEach((groups, table) =>
    groups.forEach((cell, group) => {
      if (known(table, group) !== 'none') return;
      for (const interval of cell.slice(1)) Object.assign(interval, { low: 0, high: 0 });
    }),
  );
  let changed = true;
  const tighten = (interval: Interval, low: number, high: number) => {
    if (low > interval.low) {
      interval.low = low;
      changed = true;
    }
    if (high < interval.high) {
      interval.high = high;
      changed = true;
    }
  };
  while (changed) {
    changed = false;
    for (const cell of cells) {
      for (let count = 0; count < LAST; count++) {
        tighten(cell[count + 1], cell[count + 1].low, cell[count].high);
        tighten(cell[count], cell[count + 1].low, cell[count].high);
      }
    }
    ranges.tables.forEach((groups, table) =>
      groups.forEach((cell, group) => {
        if (known(table, group) !== 'all') return;
        const [trained, eligible] = cell;
        tighten(eligible, trained.low, trained.high);
        tighten(trained, eligible.low, eligible.high);
      }),
    );
    for (const groups of ranges.tables) {
      for (let count = 0; count <= LAST; count++) {
        const total = ranges.total[count];
        const lows = groups.reduce((sum, cell) => sum + cell[count].low, 0);
        const highs = groups.reduce((sum, cell) => sum + cell[count].high, 0);
        tighten(total, lows, highs);
        for (const cell of groups) {
          const others = groups.filter((other) => other !== cell);
          const othersLow = others.reduce((sum, other) => sum + other[count].low, 0);
          const othersHigh = others.reduce((sum, other) => sum + other[count].high, 0);
          tighten(cell[count], total.low - othersHigh, total.high - othersLow);
        }
      }
    }
    if (cells.some((cell) => cell.some((interval) => interval.low > interval.high))) return null;
  }
  return ranges;
}

/** Where a count sits in a publication: `table` null for the total. */
export interface CountAt {
  table: number | null;
  group: number;
  count: number;
}

const at = (ranges: Ranges, place: CountAt): Interval =>
  place.table === null
    ? ranges.total[place.count]
    : ranges.tables[place.table][place.group][place.count];

/**
 * The exact attacker, for small populations: whether some whole-number dataset of at most `cap`
 * persons publishes exactly the same numbers with the count at `place` other than `value`.
 * Branch and bound over the propagated ranges.
 */
export function canDiffer(
  published: Publication,
  place: CountAt,
  value: number,
  cap: number,
): boolean {
  const base = propagate(published);
  if (!base) return false;
  for (const cell of [base.total, ...base.tables.flat()]) {
    for (const interval of cell) interval.high = Math.min(interval.high, cap);
  }
  const own = at(base, place);
  for (const [low, high] of [
    [own.low, value - 1],
    [value + 1, own.high],
  ]) {
    if (low > high) continue;
    const narrowed = structuredClone(base);
    Object.assign(at(narrowed, place), { low, high });
    if (solvable(published, narrowed)) return true;
  }
  return false;
}

function solvable(published: Publication, narrowed: Ranges): boolean {
  const ranges = propagate(published, narrowed);
  if (!ranges) return false;
  for (const cell of [ranges.total, ...ranges.tables.flat()]) {
    for (const interval of cell) {
      if (interval.low === interval.high) continue;
      const middle = Math.floor((interval.low + interval.high) / 2);
      for (const [low, high] of [
        [interval.low, middle],
        [middle + 1, interval.high],
      ]) {
        Object.assign(interval, { low, high });
        if (solvable(published, structuredClone(ranges))) return true;
      }
      return false;
    }
  }
  return true;
}
