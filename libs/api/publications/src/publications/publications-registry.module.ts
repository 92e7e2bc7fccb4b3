import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@oris/api/identity';
import { SearchIndexModule } from '@oris/api/search';
import { PUBLICATION_ENTITIES } from './entities/publication.entity';
import { PublicationFilesController } from './http/publication-files.controller';
import { PublicationsIndicatorController } from './http/publications-indicator.controller';
import { PublicationsController } from './http/publications.controller';
import { PublicationsIndicator } from './indicator/publications-indicator';
import { PublicationImport } from './import/publication-import';
import { CrossrefLookup, DoiLookups } from './lookup/doi-lookup';
import { PublicationLookup } from './lookup/publication-lookup';
import { DemoPublications } from './seed/demo-publications';
import { DuplicateFinder } from './registry/duplicate-finder';
import { PublicationIndexRecords } from './registry/publication-index-records';
import { PublicationMerge } from './registry/publication-merge';
import { PublicationReader } from './registry/publication-reader';
import { PublicationVersions } from './registry/publication-versions';
import { PublicationWriter } from './registry/publication-writer';

/** The publications registry, its import/export and the indexed-publications indicator. */
@Module({
  imports: [TypeOrmModule.forFeature(PUBLICATION_ENTITIES), IdentityModule, SearchIndexModule],
  controllers: [
    PublicationsController,
    PublicationFilesController,
    PublicationsIndicatorController,
  ],
  providers: [
    PublicationReader,
    PublicationWriter,
    PublicationVersions,
    PublicationIndexRecords,
    PublicationMerge,
    DuplicateFinder,
    PublicationsIndicator,
    PublicationImport,
    CrossrefLookup,
    DoiLookups,
    PublicationLookup,
    DemoPublications,
  ],
  exports: [PublicationsIndicator, PublicationWriter, DemoPublications],
})
export class PublicationsRegistryModule {}
