export * from './indicators.module';
export * from './dto/insertion.dto';
export * from './dto/insertion.query';
export * from './dto/public-indicators.dto';
export { InsertionIndicators, moroccoToday } from './engine/insertion-indicators.service';
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
  rollupRebuildStatements,
} from './engine/insertion-query';
export type { InsertionQuery, GroupBy, RollupLevel } from './engine/insertion-query';
export { IndicatorsWorkerModule } from './jobs/indicators-worker.module';
export {
  InsertionRollupScheduler,
  DEFAULT_ROLLUP_WORKER_OPTIONS,
} from './jobs/indicators-worker.module';
export type { RollupWorkerOptions } from './jobs/indicators-worker.module';
