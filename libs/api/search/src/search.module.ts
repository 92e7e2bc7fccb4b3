import { Module } from '@nestjs/common';
import { SearchController } from './http/search.controller';
import { SearchRateLimit } from './http/search-rate-limit';
import { SearchIndexer } from './indexer/search-indexer';
import { SearchCache } from './query/search-cache';
import { SearchService } from './query/search.service';

/**
 * The index the registries write through `SearchIndexer`, in their own transactions. Imported by
 * each registry's module (also in the worker and the CLI: nothing here serves HTTP).
 */
@Module({
  providers: [SearchIndexer],
  exports: [SearchIndexer],
})
export class SearchIndexModule {}

/** The observatory's one search: the public `GET /api/v1/search` (the API process only). */
@Module({
  controllers: [SearchController],
  providers: [SearchService, SearchRateLimit, SearchCache],
})
export class SearchModule {}
