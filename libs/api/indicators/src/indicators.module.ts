import { Module } from '@nestjs/common';
import { IdentityModule } from '@oris/api/identity';
import { RegionsModule } from '@oris/api/regions';
import { InsertionExport } from './export/insertion-export.service';
import { IndicatorsController, PublicIndicatorsController } from './http/indicators.controller';
import { InsertionIndicators } from './engine/insertion-indicators.service';
import { PublicReleases } from './public/public-releases.service';
import { InsertionRollup } from './rollup/insertion-rollup.service';

/** The insertion indicator: the officers' dashboard, its CSV and XLSX exports and the public headline. */
@Module({
  imports: [IdentityModule, RegionsModule],
  controllers: [IndicatorsController, PublicIndicatorsController],
  providers: [InsertionIndicators, InsertionExport, PublicReleases, InsertionRollup],
  exports: [InsertionIndicators, InsertionRollup],
})
export class IndicatorsModule {}
