import { Injectable } from '@nestjs/common';
import type { InsertionCountsDto } from '../dto/insertion.dto';
import type { PublicIndicatorCellDto, PublicIndicatorsDto } from '../dto/public-indicators.dto';
import { InsertionIndicators, moroccoToday } from '../engine/insertion-indicators.service';

/** Cells of fewer persons than this are hidden on public pages (PRODUCT.md). */
export const MINIMUM_CELL_SIZE = 5;

const CACHE_MS = 5 * 60_000;

/** The counts a public cell carries; the rates are derived from them. */
const COUNT_NAMES = ['trained', 'eligible', 'responded', 'inserted', 'employed'] as const;
type CountName = (typeof COUNT_NAMES)[number];

/** Primary suppression: the counts of one cell under the threshold. */
function smallCounts(counts: InsertionCountsDto): Set<CountName> {
  return new Set(COUNT_NAMES.filter((name) => counts[name] < MINIMUM_CELL_SIZE));
}

/**
 * The cell as published: every count in `hidden` is null, and so is every rate whose numerator
 * or denominator is hidden, so that no hidden count can be read back from a rate.
 */
function publicCell(
  key: string,
  counts: InsertionCountsDto,
  hidden: ReadonlySet<CountName>,
): PublicIndicatorCellDto {
  const show = (name: CountName) => (hidden.has(name) ? null : counts[name]);
  const rate = (value: number | null, ...parts: CountName[]) =>
    parts.some((part) => hidden.has(part)) ? null : value;
  return {
    key,
    trained: show('trained'),
    eligible: show('eligible'),
    responded: show('responded'),
    inserted: show('inserted'),
    employed: show('employed'),
    insertionRate: rate(counts.insertionRate, 'inserted', 'responded'),
    employmentRate: rate(counts.employmentRate, 'employed', 'responded'),
    responseRate: rate(counts.responseRate, 'responded', 'eligible'),
    lowerBoundRate: rate(counts.lowerBoundRate, 'inserted', 'eligible'),
    suppressed: hidden.size > 0,
  };
}

/**
 * One cell on its own (the total): every count under the threshold is hidden, with every rate
 * derived from it.
 */
export function suppressSmallCells(
  key: string,
  counts: InsertionCountsDto,
): PublicIndicatorCellDto {
  return publicCell(key, counts, smallCounts(counts));
}

/**
 * The groups of a breakdown whose groups sum to `total`. Primary suppression hides each count
 * under the threshold; then, for each count, complementary suppression: when the total is shown
 * and exactly one group's count is hidden, total − the shown groups would give it back, so the
 * smallest shown count of another group is hidden too (ties: the first group). With two or more
 * hidden, the difference only gives their sum. Rates follow the counts they divide.
 */
export function suppressBreakdown(
  total: InsertionCountsDto,
  groups: readonly (InsertionCountsDto & { key: string })[],
): PublicIndicatorCellDto[] {
  const hidden = groups.map(smallCounts);
  for (const name of COUNT_NAMES) {
    // A hidden total hides nothing by subtraction (and then every group is under it anyway).
    if (total[name] < MINIMUM_CELL_SIZE) continue;
    if (hidden.filter((cell) => cell.has(name)).length !== 1) continue;
    let complement: number | undefined;
    for (const [index, group] of groups.entries()) {
      if (hidden[index].has(name)) continue;
      if (complement === undefined || group[name] < groups[complement][name]) complement = index;
    }
    if (complement !== undefined) hidden[complement].add(name);
  }
  return groups.map((group, index) => publicCell(group.key, group, hidden[index]));
}

/**
 * The public headline: T+9, every completion up to today, by region and by completion year.
 * Cached per process for a few minutes: visitors cannot make the server aggregate on demand.
 */
@Injectable()
export class PublicIndicators {
  private cached?: { day: string; at: number; value: Promise<PublicIndicatorsDto> };

  constructor(private readonly indicators: InsertionIndicators) {}

  headline(): Promise<PublicIndicatorsDto> {
    const day = moroccoToday();
    const now = Date.now();
    if (this.cached && this.cached.day === day && now - this.cached.at < CACHE_MS) {
      return this.cached.value;
    }
    const value = this.compute();
    this.cached = { day, at: now, value };
    value.catch(() => {
      if (this.cached?.value === value) this.cached = undefined;
    });
    return value;
  }

  private async compute(): Promise<PublicIndicatorsDto> {
    const byRegion = await this.indicators.compute({ months: 9, groupBy: 'region' });
    const byYear = await this.indicators.compute({ months: 9, groupBy: 'year' });
    return {
      months: 9,
      asOf: byRegion.filters.asOf,
      minimumCellSize: MINIMUM_CELL_SIZE,
      total: suppressSmallCells('total', byRegion),
      byRegion: suppressBreakdown(byRegion, byRegion.breakdown),
      byYear: suppressBreakdown(byYear, byYear.breakdown),
      definition: byRegion.definition,
      refreshedAt: byRegion.freshness.refreshedAt ?? byRegion.freshness.computedAt,
    };
  }
}
