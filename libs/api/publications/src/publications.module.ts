import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@oris/api/identity';
import { NotificationsModule } from '@oris/api/notifications';
// Serials, their coverage by each index, and the reference list of indexes (i16serials).
import { ObservatoryIndexChange } from './indexes/entities/observatory-index-change.entity';
import { ObservatoryIndex } from './indexes/entities/observatory-index.entity';
import { ObservatoryIndexesController } from './indexes/http/observatory-indexes.controller';
import { ObservatoryIndexes } from './indexes/observatory-indexes.service';
import { CoverageRecorder } from './serials/coverage/coverage-recorder';
import { EvidenceFiles } from './serials/coverage/evidence-files';
import { SerialCoverage } from './serials/entities/serial-coverage.entity';
import { Serial } from './serials/entities/serial.entity';
import { CoverageListBodyParser } from './serials/http/csv-body-parser';
import { SerialsController } from './serials/http/serials.controller';
import { CoverageImport } from './serials/import/coverage-import.service';
import { SerialsService } from './serials/serials.service';
import { SerialEvidenceCheck } from './serials/stale/serial-evidence-check';
// The publications registry and its indicator (i16pub).
import { PublicationsRegistryModule } from './publications/publications-registry.module';

const SERIALS_ENTITIES = [ObservatoryIndex, ObservatoryIndexChange, Serial, SerialCoverage];
const SERIALS_CONTROLLERS = [ObservatoryIndexesController, SerialsController];
const SERIALS_PROVIDERS = [
  ObservatoryIndexes,
  SerialsService,
  EvidenceFiles,
  CoverageRecorder,
  CoverageImport,
  CoverageListBodyParser,
  SerialEvidenceCheck,
];
const SERIALS_EXPORTS = [ObservatoryIndexes, SerialsService, SerialEvidenceCheck];

/**
 * Indexed scientific publications (OBSERVATORY.md): the publications registry, serials and their
 * coverage by each index, the reference list of indexes.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([...SERIALS_ENTITIES]),
    IdentityModule,
    NotificationsModule,
    PublicationsRegistryModule,
  ],
  controllers: [...SERIALS_CONTROLLERS],
  providers: [...SERIALS_PROVIDERS],
  exports: [...SERIALS_EXPORTS, PublicationsRegistryModule],
})
export class PublicationsModule {}
