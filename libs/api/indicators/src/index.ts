export * from './indicators.module';
export * from './dto/insertion.dto';
export * from './dto/insertion.query';
export * from './dto/public-indicators.dto';
export { InsertionIndicators, moroccoToday } from './engine/insertion-indicators.service';
export type { IndicatorSource } from './engine/insertion-indicators.service';
export { InsertionRollup, readRollupState } from './rollup/insertion-rollup.service';
export { rollupAggregate, liveAggregate, rollupRebuild } from './engine/insertion-query';
export type { InsertionQuery, GroupBy } from './engine/insertion-query';
export { IndicatorsWorkerModule } from './jobs/indicators-worker.module';
export {
  InsertionRollupScheduler,
  DEFAULT_ROLLUP_WORKER_OPTIONS,
} from './jobs/indicators-worker.module';
export type { RollupWorkerOptions } from './jobs/indicators-worker.module';
