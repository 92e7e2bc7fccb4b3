import { Module } from '@nestjs/common';
import { IndicatorsController, PublicIndicatorsController } from './http/indicators.controller';
import { InsertionIndicators } from './engine/insertion-indicators.service';
import { PublicIndicators } from './public/public-indicators.service';
import { InsertionRollup } from './rollup/insertion-rollup.service';

/** The insertion indicator: the officers' dashboard, its CSV export and the public headline. */
@Module({
  controllers: [IndicatorsController, PublicIndicatorsController],
  providers: [InsertionIndicators, PublicIndicators, InsertionRollup],
  exports: [InsertionIndicators, InsertionRollup],
})
export class IndicatorsModule {}
