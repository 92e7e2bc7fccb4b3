import { Injectable } from '@nestjs/common';
import type { SearchDocument, SearchKind } from '@oris/shared/domain';
import type { EntityManager } from 'typeorm';

/**
 * What one document may weigh in the index: a body is cut here (at a word boundary) so a very
 * long text cannot exceed the limits of a tsvector (1 MiB) or slow every trigram comparison.
 */
export const SEARCH_BODY_MAX_LENGTH = 20_000;

/** Documents per INSERT in a reindex: 13 parameters each, far below PostgreSQL's 65,535. */
const REINDEX_CHUNK = 500;

const COLUMNS = [
  'kind',
  'record_id',
  'language',
  'original',
  'title',
  'body',
  'regions',
  'themes',
  'populations',
  'evidence_level',
  'subtype',
  'published_on',
  'path',
] as const;

/**
 * Writes the search index (`search_document`) for the registries, always inside the caller's
 * transaction (`manager`), so a record is findable exactly when the change that made it public
 * is committed, and gone when the one that withdrew it is.
 */
@Injectable()
export class SearchIndexer {
  /**
   * Replaces every row of the records in `docs` (each record's languages as given: a language no
   * longer listed disappears). Documents of several records may be given at once.
   */
  async index(manager: EntityManager, docs: SearchDocument[]): Promise<void> {
    const records = new Map<string, { kind: SearchKind; id: string }>();
    for (const doc of docs) records.set(`${doc.kind}:${doc.id}`, { kind: doc.kind, id: doc.id });
    for (const { kind, id } of records.values()) await this.remove(manager, kind, id);
    if (docs.length === 0) return;
    const params: unknown[] = [];
    const rows = docs.map((doc) => {
      const values = [
        doc.kind,
        doc.id,
        doc.language,
        doc.original,
        doc.title,
        cutBody(doc.body),
        doc.regions,
        doc.themes,
        doc.populations,
        doc.evidenceLevel,
        doc.subtype,
        doc.publishedOn,
        doc.path,
      ];
      const placeholders = values.map((value) => `$${params.push(value)}`);
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(
      `INSERT INTO search_document (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`,
      params,
    );
  }

  /**
   * Replaces every row of one kind by `docs` (the whole registry, rebuilt by
   * `cli search:reindex`), in chunks so no statement carries too many parameters.
   */
  async replaceKind(
    manager: EntityManager,
    kind: SearchKind,
    docs: SearchDocument[],
  ): Promise<void> {
    await manager.query(`DELETE FROM search_document WHERE kind = $1`, [kind]);
    for (let start = 0; start < docs.length; start += REINDEX_CHUNK) {
      await this.index(manager, docs.slice(start, start + REINDEX_CHUNK));
    }
  }

  /** Removes a record from the search (withdrawn, archived, unpublished, merged or deleted). */
  async remove(manager: EntityManager, kind: SearchKind, id: string): Promise<void> {
    await manager.query(`DELETE FROM search_document WHERE kind = $1 AND record_id = $2`, [
      kind,
      id,
    ]);
  }
}

/** The body cut to SEARCH_BODY_MAX_LENGTH characters, at the last space before the limit. */
export function cutBody(body: string): string {
  if (body.length <= SEARCH_BODY_MAX_LENGTH) return body;
  const cut = body.slice(0, SEARCH_BODY_MAX_LENGTH);
  const space = cut.lastIndexOf(' ');
  return space > SEARCH_BODY_MAX_LENGTH / 2 ? cut.slice(0, space) : cut;
}
