export * from './indicators.module';
export * from './dto/insertion.dto';
export * from './dto/insertion.query';
export * from './dto/public-indicators.dto';
export * from './indicators.exception';
export { PublicReleases } from './public/public-releases.service';
export { PublicReleaseScheduler } from './jobs/public-release-scheduler';
export { lastClosedQuarter, quarterAfter } from './public/release-calendar';
export type { Quarter } from './public/release-calendar';
export { hiddenCounts, MINIMUM_CELL_SIZE, NESTED_COUNTS } from './public/disclosure/disclosure';
export type { HiddenCounts, NestedCount, NestedCounts } from './public/disclosure/disclosure';
export { InsertionIndicators } from './engine/insertion-indicators.service';
export type { IndicatorSource } from './engine/insertion-indicators.service';
export {
  InsertionRollup,
  readRollupState,
  ROLLUP_SOURCES_CHANNEL,
} from './rollup/insertion-rollup.service';
export type { RollupState } from './rollup/insertion-rollup.service';
export { RollupChangeListener } from './rollup/rollup-change-listener';
export {
  rollupAggregate,
  detailedRollupAggregate,
  liveAggregate,
  rollupLevel,
} from './engine/insertion-query';
export { rollupRebuildStatements } from './engine/rollup-rebuild';
export type { InsertionQuery, GroupBy, RollupLevel } from './engine/insertion-query';
export { IndicatorsWorkerModule } from './jobs/indicators-worker.module';
export {
  InsertionRollupScheduler,
  DEFAULT_ROLLUP_WORKER_OPTIONS,
} from './jobs/indicators-worker.module';
export type { IndicatorsWorkerOptions, RollupWorkerOptions } from './jobs/indicators-worker.module';
export { ImpactModule } from './impact/impact.module';
export type { ImpactModuleOptions } from './impact/impact.module';
export { YEAR_INDICATOR_SOURCES } from './impact/impact-sources';
export type { YearIndicatorSources } from './impact/impact-sources';
export { InsertionYearSource } from './impact/insertion-year-source';
export { ImpactIndicators } from './impact/impact.service';
export { ImpactReports } from './impact/impact-reports.service';
export { differencesBetween, progressOf, trendYears } from './impact/impact-figures';
export type { ImpactEntry, IndicatorDifference } from './impact/impact-figures';
export { seedDemoTargets } from './impact/seed/demo-targets';
