import {
  hiddenCounts,
  MINIMUM_CELL_SIZE,
  NESTED_COUNTS,
  type KnownEligibility,
  type NestedCount,
  type NestedCounts,
} from './disclosure';
import { canDiffer, propagate, type CountAt, type Publication } from './interval-attack';

/** A person: the groups they fall in, one per table, and how deep they go in the nested counts. */
interface Person {
  groups: number[];
  /** 0: trained only, … 4: trained, eligible, responded, inserted and employed. */
  depth: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so that a failure names its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const countsOf = (people: readonly Person[]): NestedCounts =>
  Object.fromEntries(
    NESTED_COUNTS.map((name, index) => [
      name,
      people.filter((person) => person.depth >= index).length,
    ]),
  ) as Record<NestedCount, number>;

interface Dataset {
  total: NestedCounts;
  /** Only the groups somebody is in are listed, as the engine does. */
  tables: NestedCounts[][];
  eligibility: KnownEligibility[][];
}

/**
 * `eligibility[table][group]` is what the definition tells of a group (in the second table, the
 * completion years): the people are generated to match it.
 */
function tabulate(
  people: readonly Person[],
  groupsPerTable: readonly number[],
  eligibility: readonly (readonly KnownEligibility[])[] = [],
): Dataset {
  const listed = (table: number) =>
    Array.from({ length: groupsPerTable[table] }, (_, group) => group).filter((group) =>
      people.some((person) => person.groups[table] === group),
    );
  return {
    total: countsOf(people),
    tables: groupsPerTable.map((_, table) =>
      listed(table).map((group) =>
        countsOf(people.filter((person) => person.groups[table] === group)),
      ),
    ),
    eligibility: groupsPerTable.map((_, table) =>
      listed(table).map((group) => eligibility[table]?.[group]),
    ),
  };
}

/** A random small population: up to `maxPeople` persons over two tables of a few groups. */
function population(next: () => number, maxPeople: number): Dataset {
  const groupsPerTable = [1 + Math.floor(next() * 5), 1 + Math.floor(next() * 4)];
  // Each population has its own funnel: some keep most people to the end, some lose most early.
  const keep = NESTED_COUNTS.slice(1).map(() => 0.3 + next() * 0.7);
  // Skewed group sizes, so that small groups sit next to large ones.
  const weights = groupsPerTable.map((size) =>
    Array.from({ length: size }, () => next() ** 2 + 0.02),
  );
  const pick = (table: number) => {
    const total = weights[table].reduce((sum, weight) => sum + weight, 0);
    let draw = next() * total;
    return weights[table].findIndex((weight) => (draw -= weight) < 0);
  };
  // The years: some entirely past the horizon (everybody eligible), some entirely within it.
  const years = Array.from({ length: groupsPerTable[1] }, (): KnownEligibility => {
    const draw = next();
    return draw < 0.35 ? 'all' : draw < 0.55 ? 'none' : undefined;
  });
  const people = Array.from({ length: 1 + Math.floor(next() * maxPeople) }, () => {
    let depth = 0;
    while (depth < keep.length && next() < keep[depth]) depth++;
    const groups = groupsPerTable.map((_, table) => Math.max(0, pick(table)));
    const year = years[groups[1]];
    return { groups, depth: year === 'none' ? 0 : year === 'all' ? Math.max(1, depth) : depth };
  });
  return tabulate(people, groupsPerTable, [[], years]);
}

const asRow = (counts: NestedCounts) => NESTED_COUNTS.map((name) => counts[name]);

/** What the page publishes: the counts, hidden ones as null. */
function publish(dataset: Dataset): Publication {
  const hidden = hiddenCounts(dataset.total, dataset.tables, dataset.eligibility);
  const cell = (counts: NestedCounts, hide: ReadonlySet<NestedCount>) =>
    NESTED_COUNTS.map((name) => (hide.has(name) ? null : counts[name]));
  return {
    total: cell(dataset.total, hidden.total),
    tables: dataset.tables.map((groups, table) =>
      groups.map((counts, group) => cell(counts, hidden.tables[table][group])),
    ),
    eligibility: dataset.eligibility,
  };
}

/** Every count of the dataset with where it sits and whether it is published. */
function everyCount(dataset: Dataset, published: Publication) {
  const located: { place: CountAt; value: number; shown: number | null }[] = [];
  const add = (table: number | null, group: number, counts: NestedCounts) =>
    asRow(counts).forEach((value, count) => {
      const row = table === null ? published.total : published.tables[table][group];
      located.push({ place: { table, group, count }, value, shown: row[count] });
    });
  add(null, 0, dataset.total);
  dataset.tables.forEach((groups, table) =>
    groups.forEach((counts, group) => add(table, group, counts)),
  );
  return located;
}

/**
 * Whether the definition alone says a count is zero: the count is eligible or after it, and
 * nobody of its year can be eligible yet, or nobody of any year.
 */
function zeroByDefinition(
  dataset: Dataset,
  table: number | null,
  group: number,
  count: number,
): boolean {
  if (count < 1) return false;
  const nobody = dataset.eligibility.some(
    (groups) => groups.length > 0 && groups.every((known) => known === 'none'),
  );
  return nobody || (table !== null && dataset.eligibility[table][group] === 'none');
}

/** The attacks an honest publication must withstand, asserted for one dataset. */
function expectSafe(dataset: Dataset, label: string, exactCap?: number): void {
  const published = publish(dataset);
  const ranges = propagate(published);
  if (!ranges) throw new Error(`${label}: the true dataset must fit what is published`);
  for (const { place, value, shown } of everyCount(dataset, published)) {
    const where = `${label} ${JSON.stringify(place)}`;
    if (shown !== null) {
      // A shown count is exact and never small.
      expect({ where, shown }).toEqual({ where, shown: value });
      expect({ where, small: shown < MINIMUM_CELL_SIZE }).toEqual({ where, small: false });
      continue;
    }
    // Zero by the definition: nobody of that year can be eligible yet; nothing to protect.
    if (zeroByDefinition(dataset, place.table, place.group, place.count)) continue;
    const range =
      place.table === null
        ? ranges.total[place.count]
        : ranges.tables[place.table][place.group][place.count];
    // The attacker is sound (the truth is in its range) and cannot pin the count.
    expect({ where, within: range.low <= value && value <= range.high }).toEqual({
      where,
      within: true,
    });
    expect({ where, pinned: range.high - range.low < 1 }).toEqual({ where, pinned: false });
    if (exactCap !== undefined) {
      expect({ where, exactlyPinned: !canDiffer(published, place, value, exactCap) }).toEqual({
        where,
        exactlyPinned: false,
      });
    }
  }
  // total − shown groups publishes the sum of the hidden ones: never fewer than 5 persons, and
  // never one group alone.
  published.tables.forEach((groups, table) => {
    NESTED_COUNTS.forEach((_, count) => {
      if (published.total[count] === null) return;
      const hidden = groups.flatMap((cell, group) =>
        cell[count] === null && !zeroByDefinition(dataset, table, group, count)
          ? [asRow(dataset.tables[table][group])[count]]
          : [],
      );
      if (hidden.length === 0) return;
      const where = `${label} table ${table} count ${count}`;
      expect({ where, groups: hidden.length >= 2 }).toEqual({ where, groups: true });
      const sum = hidden.reduce((total, value) => total + value, 0);
      expect({ where, sum: sum >= MINIMUM_CELL_SIZE }).toEqual({ where, sum: true });
    });
  });
}

const counts = (
  trained: number,
  eligible: number,
  responded: number,
  inserted: number,
  employed: number,
): NestedCounts => ({ trained, eligible, responded, inserted, employed });

const sum = (cells: readonly NestedCounts[]): NestedCounts =>
  Object.fromEntries(
    NESTED_COUNTS.map((name) => [name, cells.reduce((total, cell) => total + cell[name], 0)]),
  ) as Record<NestedCount, number>;

describe('hiddenCounts', () => {
  it('hides nothing when every count reaches the threshold', () => {
    const groups = [counts(40, 30, 20, 10, 8), counts(20, 18, 15, 9, 6)];
    const hidden = hiddenCounts(sum(groups), [groups]);
    expect(hidden.total.size).toBe(0);
    expect(hidden.tables[0].every((cell) => cell.size === 0)).toBe(true);
  });

  it('hides a small count with the smaller counts of its cell', () => {
    const groups = [counts(40, 30, 4, 3, 2), counts(40, 30, 20, 10, 8), counts(50, 45, 30, 20, 9)];
    const hidden = hiddenCounts(sum(groups), [groups]);
    expect([...hidden.tables[0][0]]).toEqual(['responded', 'inserted', 'employed']);
  });

  describe('withstands the attacks on the former rule', () => {
    it('totals minus the other cells: two hidden groups of 2 and 1 persons are not published as "3"', () => {
      const groups = [
        counts(30, 30, 30, 30, 30),
        counts(20, 20, 20, 20, 20),
        counts(2, 2, 2, 2, 2),
        counts(1, 1, 1, 1, 1),
      ];
      const dataset = { total: sum(groups), tables: [groups], eligibility: [[]] };
      const hidden = hiddenCounts(dataset.total, dataset.tables, dataset.eligibility);
      // The smallest shown group joins them, so the difference says 23, about three groups.
      expect(hidden.tables[0].map((cell) => cell.has('trained'))).toEqual([
        false,
        true,
        true,
        true,
      ]);
      expectSafe(dataset, 'totals minus cells', 80);
    });

    it('the nested counts: a complement squeezed between its shown neighbours is not pinned', () => {
      // Hiding, count by count, the smallest other inserted (B's 12) next to A's 4 left B's
      // inserted between its responded (12) and its employed (12): pinned, and A's with it.
      const groups = [
        counts(12, 12, 12, 4, 0),
        counts(12, 12, 12, 12, 12),
        counts(30, 30, 30, 30, 30),
        counts(20, 20, 20, 20, 6),
      ];
      const dataset = { total: sum(groups), tables: [groups], eligibility: [[]] };
      const hidden = hiddenCounts(dataset.total, dataset.tables, dataset.eligibility);
      // B's employed goes with its inserted.
      expect(hidden.tables[0][1].has('inserted')).toBe(true);
      expect(hidden.tables[0][1].has('employed')).toBe(true);
      expectSafe(dataset, 'nested counts');
    });

    it('the region and year tables of one population: a hidden total is tied across both', () => {
      // Everybody in one region: its row is the total, so a count hidden in the total cannot
      // come back from the region table, nor from the years that share it.
      const people: Person[] = [
        ...Array.from({ length: 6 }, () => ({ groups: [0, 0], depth: 2 })),
        ...Array.from({ length: 3 }, () => ({ groups: [0, 1], depth: 4 })),
        ...Array.from({ length: 7 }, () => ({ groups: [0, 1], depth: 1 })),
      ];
      const dataset = tabulate(people, [1, 2]);
      const hidden = hiddenCounts(dataset.total, dataset.tables, dataset.eligibility);
      expect([...hidden.total]).toEqual(['inserted', 'employed']);
      expect([...hidden.tables[0][0]]).toEqual(['inserted', 'employed']);
      expectSafe(dataset, 'region and year tables', 40);
    });
  });

  it('the definition’s calendar: where everybody of a year is eligible, its eligible is its trained', () => {
    // 2026's 3 eligible are hidden; 2025's 6, the smallest shown, with them. But every 2025
    // completer is past T+9, so its 6 trained (shown) said its eligible, and 2026's with it.
    const groups = [counts(30, 30, 20, 10, 8), counts(6, 6, 6, 5, 5), counts(12, 3, 3, 2, 1)];
    const dataset = {
      total: sum(groups),
      tables: [groups],
      eligibility: [['all', 'all', undefined] as KnownEligibility[]],
    };
    const hidden = hiddenCounts(dataset.total, dataset.tables, dataset.eligibility);
    expect(hidden.tables[0][1].has('eligible')).toBe(true);
    expect(hidden.tables[0][1].has('trained')).toBe(true);
    expectSafe(dataset, 'calendar', 80);
  });

  it('property: on random small populations no hidden count can be pinned, by interval reasoning', () => {
    for (let seed = 1; seed <= 1_500; seed++) {
      expectSafe(population(random(seed), 60), `seed ${seed}`);
    }
  });

  it('property: on random tiny populations no hidden count can be pinned, by exhaustive search', () => {
    for (let seed = 10_001; seed <= 10_150; seed++) {
      const dataset = population(random(seed), 9);
      expectSafe(dataset, `seed ${seed}`, dataset.total.trained + 3);
    }
  });
});
