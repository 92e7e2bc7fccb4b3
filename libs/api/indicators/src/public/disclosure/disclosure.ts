/**
 * Statistical disclosure control of the public insertion figures: which counts to hide so that
 * nobody can pin a hidden count to one value from everything published together.
 *
 * What is published: one total and several tables (by region, by completion year) that each
 * split the same population into groups, with five nested counts per cell. What an attacker may
 * use, besides the shown numbers:
 * - each table's groups sum to the total, count by count (the tables share the total, so where
 *   a total is hidden the tables' hidden sums are still tied to each other);
 * - the nesting: employed ≤ inserted ≤ responded ≤ eligible ≤ trained, in every cell;
 * - counts are whole and not negative, and a listed group has at least one person trained;
 * - what the published definition tells of some groups (`KnownEligibility`): a completion year
 *   entirely past the horizon has everybody eligible, one entirely within it nobody;
 * - the rule itself: a shown count is at least `MINIMUM_CELL_SIZE`.
 *
 * The rule:
 * 1. Primary: every count under `MINIMUM_CELL_SIZE`, in the total and in every group, is hidden,
 *    with the smaller counts of the same cell (they are smaller still). In a group where everybody
 *    is eligible, trained and eligible are the same number: both are hidden or neither. In a group
 *    where nobody can be eligible, the counts from eligible on are zero by definition: hidden, but
 *    nothing to protect.
 * 2. Lines: in a table, for each count whose total is shown, the hidden groups are at least two
 *    and together hold at least `MINIMUM_CELL_SIZE` persons (total − shown groups publishes their
 *    sum: a pair of hidden groups of 1 and 2 persons would be "3 persons" in the open). Otherwise
 *    the smallest shown group of that count is hidden too (ties: the first), with the smaller
 *    counts of its cell; when no group is left to hide, the total's count.
 * 3. Witnesses: every hidden count must have a different value in another dataset that publishes
 *    exactly the same numbers under the constraints above. The dataset is built by moving one
 *    person (see `hasWitness`); where no such move exists, one more count is hidden (the smallest
 *    shown group of the same count in the same table, else the total's count, else the count
 *    above in the same cell, else the smallest shown count in another table) and the rule runs
 *    again until every hidden count has its witness.
 *
 * Rule 3 is what makes the guarantee exact: a witness is a concrete alternative, so no reasoning
 * whatsoever over the published numbers can tell the two datasets apart. Rules 1 and 2 only make
 * rule 3 rarely needed.
 */

/** Cells of fewer persons than this are hidden on public pages (PRODUCT.md). */
export const MINIMUM_CELL_SIZE = 5;

/** Each count is a subset of the one before it. */
export const NESTED_COUNTS = ['trained', 'eligible', 'responded', 'inserted', 'employed'] as const;
export type NestedCount = (typeof NESTED_COUNTS)[number];
export type NestedCounts = Readonly<Record<NestedCount, number>>;

const LAST = NESTED_COUNTS.length - 1;

/**
 * What anyone can tell of a group from the definition alone: `all` eligible (eligible = trained),
 * `none` (eligible and every count after it are zero); undefined when it depends on the data.
 */
export type KnownEligibility = 'all' | 'none' | undefined;

/** Which counts are hidden: for the total, and for each group of each table (same order). */
export interface HiddenCounts {
  total: ReadonlySet<NestedCount>;
  tables: ReadonlySet<NestedCount>[][];
}

interface Cell {
  /** The counts in nesting order. */
  readonly values: readonly number[];
  readonly hidden: boolean[];
  /** The least value the first count may take: a listed group has someone trained. */
  readonly floor: number;
  readonly eligibility: KnownEligibility;
}

const ELIGIBLE = NESTED_COUNTS.indexOf('eligible');

function cellOf(counts: NestedCounts, floor: number, eligibility?: KnownEligibility): Cell {
  return {
    values: NESTED_COUNTS.map((name) => counts[name]),
    hidden: NESTED_COUNTS.map(() => false),
    floor,
    eligibility,
  };
}

/** Whether the definition alone gives this count of the cell away (then it protects nothing). */
const knownByDefinition = (cell: Cell, count: number) =>
  cell.eligibility === 'none' && count >= ELIGIBLE;

/** Hides `count` and every smaller count of the cell; true when something was newly hidden. */
function hideFrom(cell: Cell, count: number): boolean {
  let changed = false;
  // Where eligible is trained, hiding one and showing the other would show both.
  const first = cell.eligibility === 'all' && count === ELIGIBLE ? 0 : count;
  for (let index = first; index <= LAST; index++) {
    if (!cell.hidden[index]) changed = cell.hidden[index] = true;
  }
  return changed;
}

/**
 * Whether counts `from`..`to` of the cell can all move by `sign` (one person promoted from depth
 * `from − 1` to depth `to`, or demoted the other way) without touching a shown count, breaking
 * the nesting or going under the floor.
 */
function canShift(cell: Cell, from: number, to: number, sign: 1 | -1): boolean {
  for (let index = from; index <= to; index++) if (!cell.hidden[index]) return false;
  // The definition's zeros stay zero, and where eligible is trained they move together.
  if (cell.eligibility === 'none' && to >= ELIGIBLE) return false;
  if (cell.eligibility === 'all' && (from === 0) !== (from <= ELIGIBLE && to >= ELIGIBLE))
    return false;
  const x = cell.values;
  if (sign > 0) return from === 0 || x[from] + 1 <= x[from - 1];
  const below = to === LAST ? 0 : x[to + 1];
  return x[to] - 1 >= below && (from > 0 || x[0] - 1 >= cell.floor);
}

interface Layout {
  total: Cell;
  tables: Cell[][];
}

/**
 * Whether the hidden count `count` of `cell` (the total, or a group of table `tableIndex`) has a
 * witness: a dataset publishing exactly the same numbers where it differs by one. Two kinds of
 * moves keep every shown number:
 * - within a table, one person of a group goes one way over counts `from`..`to` and one person
 *   of another group the other way: every count's total is unchanged;
 * - across tables, where the total's counts `from`..`to` are hidden: the total and one group
 *   in every table move the same way.
 */
function hasWitness(layout: Layout, cell: Cell, tableIndex: number | null, count: number): boolean {
  const signs = [1, -1] as const;
  for (let from = 0; from <= count; from++) {
    for (let to = count; to <= LAST; to++) {
      if (tableIndex !== null) {
        for (const other of layout.tables[tableIndex]) {
          if (other === cell) continue;
          for (const sign of signs) {
            if (canShift(cell, from, to, sign) && canShift(other, from, to, -sign as 1 | -1))
              return true;
          }
        }
      }
      for (const sign of signs) {
        if (!canShift(layout.total, from, to, sign)) continue;
        const everyTable = layout.tables.every((groups, index) =>
          index === tableIndex
            ? canShift(cell, from, to, sign)
            : groups.some((group) => canShift(group, from, to, sign)),
        );
        if (everyTable && layout.tables.length > 0) return true;
      }
    }
  }
  return false;
}

/** The smallest shown `count` among `cells` (ties: the first), other than `except`. */
function smallestShown(cells: readonly Cell[], count: number, except?: Cell): Cell | undefined {
  let smallest: Cell | undefined;
  for (const cell of cells) {
    if (cell === except || cell.hidden[count]) continue;
    if (!smallest || cell.values[count] < smallest.values[count]) smallest = cell;
  }
  return smallest;
}

/** Rule 2 for one count of one table; true when something was newly hidden. */
function protectLine(layout: Layout, groups: readonly Cell[], count: number): boolean {
  if (layout.total.hidden[count]) return false;
  // A count the definition gives away is not hidden from anyone.
  const hidden = groups.filter((group) => group.hidden[count] && !knownByDefinition(group, count));
  if (hidden.length === 0) return false;
  const sum = hidden.reduce((total, group) => total + group.values[count], 0);
  if (hidden.length >= 2 && sum >= MINIMUM_CELL_SIZE) return false;
  const complement = smallestShown(groups, count);
  return complement ? hideFrom(complement, count) : hideFrom(layout.total, count);
}

/** Rule 3's widening for one count without a witness; true when something was newly hidden. */
function widen(layout: Layout, cell: Cell, tableIndex: number | null, count: number): boolean {
  if (tableIndex !== null) {
    const partner = smallestShown(layout.tables[tableIndex], count, cell);
    if (partner) return hideFrom(partner, count);
  }
  if (!layout.total.hidden[count]) return hideFrom(layout.total, count);
  if (count > 0 && !cell.hidden[count - 1]) return hideFrom(cell, count - 1);
  for (const groups of layout.tables) {
    const partner = smallestShown(groups, count, cell);
    if (partner) return hideFrom(partner, count);
  }
  return false;
}

/**
 * Which counts to hide. `tables` are the published breakdowns of the population whose counts
 * are `total`: each table's groups sum to it, count by count. `eligibility` says, per table and
 * group, what the definition tells of it (none: nothing).
 */
export function hiddenCounts(
  total: NestedCounts,
  tables: readonly (readonly NestedCounts[])[],
  eligibility: readonly (readonly KnownEligibility[])[] = [],
): HiddenCounts {
  // When no group of a table can have anyone eligible, nobody can: the whole population's counts
  // from eligible on are zero by definition.
  const nobody = tables.some(
    (groups, table) =>
      groups.length > 0 && groups.every((_, index) => eligibility[table]?.[index] === 'none'),
  );
  const layout: Layout = {
    total: cellOf(total, 0, nobody ? 'none' : undefined),
    tables: tables.map((groups, table) =>
      groups.map((group, index) => cellOf(group, 1, nobody ? 'none' : eligibility[table]?.[index])),
    ),
  };
  const cells = [layout.total, ...layout.tables.flat()];
  for (const cell of cells) {
    const small = cell.values.findIndex((value) => value < MINIMUM_CELL_SIZE);
    if (small >= 0) hideFrom(cell, small);
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const groups of layout.tables) {
      for (let count = 0; count <= LAST; count++) {
        if (protectLine(layout, groups, count)) changed = true;
      }
    }
    if (changed) continue;
    const located = [
      { cell: layout.total, tableIndex: null as number | null },
      ...layout.tables.flatMap((groups, tableIndex) =>
        groups.map((cell) => ({ cell, tableIndex: tableIndex as number | null })),
      ),
    ];
    search: for (const { cell, tableIndex } of located) {
      for (let count = 0; count <= LAST; count++) {
        if (!cell.hidden[count] || knownByDefinition(cell, count)) continue;
        if (hasWitness(layout, cell, tableIndex, count)) continue;
        if (widen(layout, cell, tableIndex, count)) {
          changed = true;
          break search;
        }
      }
    }
  }
  const names = (cell: Cell) =>
    new Set(NESTED_COUNTS.filter((_, index) => cell.hidden[index])) as ReadonlySet<NestedCount>;
  return { total: names(layout.total), tables: layout.tables.map((groups) => groups.map(names)) };
}
