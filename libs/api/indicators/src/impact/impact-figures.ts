import {
  IMPACT_INDICATORS,
  type ImpactIndicator,
  type YearIndicatorFigures,
} from '@oris/shared/domain';

/** How many years the trend shows, the asked year included. */
export const TREND_YEARS = 5;

/** The first year a report or a target may be about. */
export const FIRST_REPORT_YEAR = 2000;

/**
 * One indicator of a year as the impact page and a frozen report hold it: the source's figures
 * (null when no source is wired: "not available"), with the target and baseline set for the year.
 */
export interface ImpactEntry {
  indicator: ImpactIndicator;
  available: boolean;
  figures: YearIndicatorFigures | null;
  target: number | null;
  baseline: number | null;
}

/** What changed for one indicator from a frozen version to its restatement. */
export interface IndicatorDifference {
  indicator: ImpactIndicator;
  changed: boolean;
  valueBefore: number | null;
  valueAfter: number | null;
  /** Counted ids in the restatement and not in the version before, sorted. */
  added: string[];
  /** Counted ids in the version before and not in the restatement, sorted. */
  removed: string[];
  definitionBefore: string | null;
  definitionAfter: string | null;
}

/** The years of the trend ending at `year`, oldest first, none before {@link FIRST_REPORT_YEAR}. */
export function trendYears(year: number, count = TREND_YEARS): number[] {
  const first = Math.max(FIRST_REPORT_YEAR, year - count + 1);
  return Array.from({ length: year - first + 1 }, (_, index) => first + index);
}

/**
 * How far the value has gone from the baseline towards the target (0 at the baseline, 1 on
 * target, above 1 beyond it, negative below the baseline). Without a target, or with a target
 * equal to the baseline, there is no distance to cover: null. A missing baseline counts from 0.
 */
export function progressOf(
  value: number | null,
  baseline: number | null,
  target: number | null,
): number | null {
  if (value === null || target === null) return null;
  const start = baseline ?? 0;
  if (target === start) return null;
  return (value - start) / (target - start);
}

/**
 * The differences between two frozen versions of a year, one per indicator in the report's
 * order: the value before and after, the counted ids added and removed, the definitions'
 * versions. An indicator that was not available in one of them counts all of the other's ids.
 */
export function differencesBetween(
  before: readonly ImpactEntry[],
  after: readonly ImpactEntry[],
): IndicatorDifference[] {
  const find = (entries: readonly ImpactEntry[], indicator: ImpactIndicator) =>
    entries.find((entry) => entry.indicator === indicator)?.figures ?? null;
  return IMPACT_INDICATORS.map((indicator) => {
    const was = find(before, indicator);
    const is = find(after, indicator);
    const wasIds = new Set(was?.counted ?? []);
    const isIds = new Set(is?.counted ?? []);
    const added = [...isIds].filter((id) => !wasIds.has(id)).sort();
    const removed = [...wasIds].filter((id) => !isIds.has(id)).sort();
    const valueBefore = was?.value ?? null;
    const valueAfter = is?.value ?? null;
    const definitionBefore = was?.definition.version ?? null;
    const definitionAfter = is?.definition.version ?? null;
    return {
      indicator,
      changed:
        valueBefore !== valueAfter ||
        added.length > 0 ||
        removed.length > 0 ||
        definitionBefore !== definitionAfter,
      valueBefore,
      valueAfter,
      added,
      removed,
      definitionBefore,
      definitionAfter,
    };
  });
}
