import { Injectable } from '@nestjs/common';
import type { InsertionCountsDto } from '../dto/insertion.dto';
import type { PublicIndicatorCellDto, PublicIndicatorsDto } from '../dto/public-indicators.dto';
import { InsertionIndicators, moroccoToday } from '../engine/insertion-indicators.service';

/** Cells of fewer persons than this are hidden on public pages (PRODUCT.md). */
export const MINIMUM_CELL_SIZE = 5;

const CACHE_MS = 5 * 60_000;

/**
 * Hides every count under the threshold, and every rate whose numerator or denominator is
 * hidden, so that no small group can be read back from a rate.
 */
export function suppressSmallCells(
  key: string,
  counts: InsertionCountsDto,
): PublicIndicatorCellDto {
  const show = (n: number) => (n >= MINIMUM_CELL_SIZE ? n : null);
  const trained = show(counts.trained);
  const eligible = show(counts.eligible);
  const responded = show(counts.responded);
  const inserted = show(counts.inserted);
  const employed = show(counts.employed);
  const shown = (value: number | null, ...parts: (number | null)[]) =>
    parts.some((part) => part === null) ? null : value;
  const cell = {
    key,
    trained,
    eligible,
    responded,
    inserted,
    employed,
    insertionRate: shown(counts.insertionRate, inserted, responded),
    employmentRate: shown(counts.employmentRate, employed, responded),
    responseRate: shown(counts.responseRate, responded, eligible),
    lowerBoundRate: shown(counts.lowerBoundRate, inserted, eligible),
  };
  return { ...cell, suppressed: [trained, eligible, responded, inserted, employed].includes(null) };
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
      byRegion: byRegion.breakdown.map((group) => suppressSmallCells(group.key, group)),
      byYear: byYear.breakdown.map((group) => suppressSmallCells(group.key, group)),
      definition: byRegion.definition,
      refreshedAt: byRegion.freshness.refreshedAt ?? byRegion.freshness.computedAt,
    };
  }
}
