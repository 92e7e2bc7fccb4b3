import { loadCourseSearchDocuments } from '@oris/api/catalogue';
import { loadToolSearchDocuments } from '@oris/api/knowledge-tools';
import { loadPracticeSearchDocuments } from '@oris/api/practices';
import { loadPublicationSearchDocuments } from '@oris/api/publications';
import { SearchIndexer } from '@oris/api/search';
import type { SearchDocument, SearchKind } from '@oris/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The registries whose records the search finds, each with the loader of its documents (the
 * same one its writers index with).
 */
const SEARCH_SOURCES: [SearchKind, (manager: EntityManager) => Promise<SearchDocument[]>][] = [
  ['publication', (manager) => loadPublicationSearchDocuments(manager, null)],
  ['tool', (manager) => loadToolSearchDocuments(manager, null)],
  ['course', (manager) => loadCourseSearchDocuments(manager, null)],
  ['practice', (manager) => loadPracticeSearchDocuments(manager)],
];

/**
 * Rebuilds the search index from the registries, in one transaction (a search meanwhile sees the
 * old index, then the new one): records written before the index existed, or the demo data.
 */
export async function reindexSearch(dataSource: DataSource): Promise<string[]> {
  const indexer = new SearchIndexer();
  return dataSource.transaction(async (manager) => {
    const lines: string[] = [];
    for (const [kind, load] of SEARCH_SOURCES) {
      const docs = await load(manager);
      await indexer.replaceKind(manager, kind, docs);
      lines.push(`search: ${docs.length} ${kind} document(s) indexed`);
    }
    return lines;
  });
}
