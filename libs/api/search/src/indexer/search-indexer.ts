import { Injectable } from '@nestjs/common';
import type { SearchDocument, SearchKind } from '@oris/shared/domain';
import type { EntityManager } from 'typeorm';
import { SEARCH_INDEX_CHANNEL } from '../query/search-cache';
import { FUZZY_MIN_LENGTH } from '../query/search-sql';

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
 *
 * Every write also bumps the index generation and notifies it (`pg_notify`, delivered when the
 * transaction commits and never if it rolls back) so every API process forgets its cached
 * answers (`SearchCache`).
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
    for (const { kind, id } of records.values()) await this.delete(manager, kind, id);
    await this.changed(manager);
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
    const inserted: { title_normalized: string; body_normalized: string }[] = await manager.query(
      `INSERT INTO search_document (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}
       RETURNING title_normalized, body_normalized`,
      params,
    );
    await this.addWords(manager, inserted);
  }

  /**
   * The new words of what was just indexed, for the correction of typos (migration SearchWords):
   * words of FUZZY_MIN_LENGTH letters or more, as the query corrects no shorter one.
   */
  private async addWords(
    manager: EntityManager,
    rows: { title_normalized: string; body_normalized: string }[],
  ): Promise<void> {
    const words = new Set<string>();
    for (const row of rows) {
      for (const word of `${row.title_normalized} ${row.body_normalized}`.split(' ')) {
        if (word.length >= FUZZY_MIN_LENGTH && word.length <= 64) words.add(word);
      }
    }
    if (words.size === 0) return;
    await manager.query(
      `INSERT INTO search_word (word) SELECT unnest($1::text[]) ORDER BY 1 ON CONFLICT DO NOTHING`,
      [[...words]],
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
    await this.changed(manager);
    for (let start = 0; start < docs.length; start += REINDEX_CHUNK) {
      await this.index(manager, docs.slice(start, start + REINDEX_CHUNK));
    }
  }

  /** Removes a record from the search (withdrawn, archived, unpublished, merged or deleted). */
  async remove(manager: EntityManager, kind: SearchKind, id: string): Promise<void> {
    await this.delete(manager, kind, id);
    await this.changed(manager);
  }

  private async delete(manager: EntityManager, kind: SearchKind, id: string): Promise<void> {
    await manager.query(`DELETE FROM search_document WHERE kind = $1 AND record_id = $2`, [
      kind,
      id,
    ]);
  }

  /** A new index generation, announced to the API processes when the transaction commits. */
  private async changed(manager: EntityManager): Promise<void> {
    await manager.query(
      `SELECT pg_notify('${SEARCH_INDEX_CHANNEL}', nextval('search_index_generation')::text)`,
    );
  }
}

/** The body cut to SEARCH_BODY_MAX_LENGTH characters, at the last space before the limit. */
export function cutBody(body: string): string {
  if (body.length <= SEARCH_BODY_MAX_LENGTH) return body;
  const cut = body.slice(0, SEARCH_BODY_MAX_LENGTH);
  const space = cut.lastIndexOf(' ');
  return space > SEARCH_BODY_MAX_LENGTH / 2 ? cut.slice(0, space) : cut;
}
