export * from './publications.module';
// The publications registry (publications/).
export { PublicationsRegistryModule } from './publications/publications-registry.module';
export { PublicationsIndicator } from './publications/indicator/publications-indicator';
export * from './publications/publication.exception';
export * from './publications/entities/publication.entity';
export { CrossrefLookup } from './publications/lookup/doi-lookup';
export type { DoiLookup } from './publications/lookup/doi-lookup';
export { DemoPublications } from './publications/seed/demo-publications';
export type {
  DemoPublicationsOptions,
  DemoPublicationsResult,
} from './publications/seed/demo-publications';
