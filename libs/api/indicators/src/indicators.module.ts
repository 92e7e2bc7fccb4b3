import { Module } from '@nestjs/common';
import { IdentityModule } from '@oris/api/identity';
import { InsertionExport } from './export/insertion-export.service';
import { IndicatorsController, PublicIndicatorsController } from './http/indicators.controller';
import { InsertionIndicators } from './engine/insertion-indicators.service';
import { PublicReleases } from './public/public-releases.service';
import { InsertionRollup } from './rollup/insertion-rollup.service';

/** The insertion indicator: the officers' dashboard, its CSV export and the public headline. */
@Module({
  imports: [IdentityModule],
  controllers: [IndicatorsController, PublicIndicatorsController],
  providers: [InsertionIndicators, InsertionExport, PublicReleases, InsertionRollup],
  exports: [InsertionIndicators, InsertionRollup],
})
export class IndicatorsModule {}
