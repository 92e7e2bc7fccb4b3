import { randomUUID } from 'node:crypto';
import { SearchIndexer } from '@oris/api/search';
import type { SearchDocument } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import type { TestApp } from '../support/test-app';

/** A document with the facets left empty unless given. */
export const searchDoc = (
  overrides: Partial<SearchDocument> & Pick<SearchDocument, 'title'>,
): SearchDocument => ({
  kind: 'practice',
  id: randomUUID(),
  language: 'fr',
  original: true,
  body: '',
  regions: [],
  themes: [],
  populations: [],
  evidenceLevel: null,
  subtype: null,
  publishedOn: '2026-01-01',
  path: '/practices/example',
  ...overrides,
});

/** Written through the indexer, as a registry does, in a transaction of its own. */
export async function indexDocs(api: TestApp, docs: SearchDocument[]): Promise<void> {
  const indexer = api.app.get(SearchIndexer);
  await api.app.get(DataSource).transaction((manager) => indexer.index(manager, docs));
}

export interface Segment {
  text: string;
  match: boolean;
}

/** The words a result marks, from its segments. */
export const markedWords = (segments: Segment[]): string[] =>
  segments.filter((segment) => segment.match).map((segment) => segment.text);
