export * from './publications.module';
// Serials, coverage and indexes (i16serials).
export * from './serials/serials.exception';
export * from './serials/dto/serial.dto';
export * from './serials/dto/coverage.dto';
export * from './serials/dto/coverage-import.dto';
export { Serial } from './serials/entities/serial.entity';
export { SerialCoverage } from './serials/entities/serial-coverage.entity';
export { ObservatoryIndex } from './indexes/entities/observatory-index.entity';
export { ObservatoryIndexChange } from './indexes/entities/observatory-index-change.entity';
export { ObservatoryIndexes } from './indexes/observatory-indexes.service';
export { countingIndexesKnownAtSql } from './indexes/counting-indexes';
export { SerialsService } from './serials/serials.service';
export * from './serials/import/coverage-list-formats';
export { SerialEvidenceCheck } from './serials/stale/serial-evidence-check';
export * from './serials/jobs/serials-worker.module';
// The publications registry (publications/).
export { PublicationsRegistryModule } from './publications/publications-registry.module';
export { PublicationsIndicator } from './publications/indicator/publications-indicator';
export * from './publications/publication.exception';
export * from './publications/entities/publication.entity';
export { CrossrefLookup } from './publications/lookup/doi-lookup';
export type { DoiLookup } from './publications/lookup/doi-lookup';
export { DemoPublications } from './publications/seed/demo-publications';
export { loadPublicationSearchDocuments } from './publications/registry/publication-search';
export type {
  DemoPublicationsOptions,
  DemoPublicationsResult,
} from './publications/seed/demo-publications';
