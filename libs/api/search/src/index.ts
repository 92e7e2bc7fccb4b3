export * from './search.module';
export * from './search.exception';
export { SearchIndexer, SEARCH_BODY_MAX_LENGTH } from './indexer/search-indexer';
export { SEARCH_THEMES, SEARCH_MAX_PAGE, SEARCH_MAX_PAGE_SIZE } from './dto/search.query';
export { SearchCache, SEARCH_INDEX_CHANNEL } from './query/search-cache';
