export * from './search.module';
export { SearchIndexer, SEARCH_BODY_MAX_LENGTH } from './indexer/search-indexer';
