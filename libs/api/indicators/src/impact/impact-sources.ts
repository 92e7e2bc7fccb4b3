import type { ImpactIndicator, YearIndicatorSource } from '@oris/shared/domain';

/**
 * The year sources the impact page and the frozen reports compose, one per indicator:
 * `insertion` (this library's {@link InsertionYearSource}) and the three registries'
 * (`PublicationsIndicator`, `KnowledgeToolsIndicator`, `PartnershipsIndicator`). An indicator
 * without a source is shown as "not available" rather than failing the page.
 */
export const YEAR_INDICATOR_SOURCES = Symbol('YEAR_INDICATOR_SOURCES');

export type YearIndicatorSources = readonly YearIndicatorSource[];

/** The source of an indicator, if one is wired. */
export function sourceOf(
  sources: YearIndicatorSources,
  indicator: ImpactIndicator,
): YearIndicatorSource | undefined {
  return sources.find((source) => source.indicator === indicator);
}
