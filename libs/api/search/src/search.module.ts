import { Module } from '@nestjs/common';
import { SearchIndexer } from './indexer/search-indexer';

/**
 * The observatory's one search: the index the registries write through `SearchIndexer`, and the
 * public `GET /api/v1/search`.
 */
@Module({
  providers: [SearchIndexer],
  exports: [SearchIndexer],
})
export class SearchModule {}
