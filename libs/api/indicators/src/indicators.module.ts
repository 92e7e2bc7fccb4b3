import { Module } from '@nestjs/common';
import { IndicatorsController, PublicIndicatorsController } from './http/indicators.controller';
import { InsertionIndicators } from './engine/insertion-indicators.service';
import { PublicReleases } from './public/public-releases.service';
import { InsertionRollup } from './rollup/insertion-rollup.service';

/** The insertion indicator: the officers' dashboard, its CSV export and the public headline. */
@Module({
  controllers: [IndicatorsController, PublicIndicatorsController],
  providers: [InsertionIndicators, PublicReleases, InsertionRollup],
  exports: [InsertionIndicators, InsertionRollup],
})
export class IndicatorsModule {}
