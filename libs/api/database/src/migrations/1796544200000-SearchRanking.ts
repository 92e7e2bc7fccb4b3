import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the search needs to stay fast when a query matches thousands of records (P11,
 * docs/PERFORMANCE.md):
 *
 * - `title_vector`: the title alone, stemmed as `search_vector` is and weighted A. A few dozen
 *   bytes, never compressed nor moved out of the row, so every matching row gets a cheap score
 *   (`ts_rank` on it) that chooses the candidates; only those are ranked on the whole
 *   (compressed) `search_vector`.
 * - `search_document_projection_idx`: the narrow projection the counts read (record, language
 *   and facets), so listing without words counts its total and facets by an index-only scan
 *   instead of reading the wide rows.
 * - `search_index_generation`: bumped by `SearchIndexer` on every write and sent with
 *   `pg_notify('oris_search_index', …)` in the writing transaction, so each API process forgets
 *   its cached answers when (and only if) the change commits.
 */
export class SearchRanking1796544200000 implements MigrationInterface {
  name = 'SearchRanking1796544200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE search_document ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(
          CASE language WHEN 'fr' THEN 'french'::regconfig WHEN 'en' THEN 'english'::regconfig
                        ELSE 'simple'::regconfig END,
          oris_search_normalize(title)), 'A')) STORED`);
    await queryRunner.query(
      `ALTER TABLE search_document ALTER COLUMN title_vector SET STORAGE MAIN`,
    );
    await queryRunner.query(`
      CREATE INDEX search_document_projection_idx ON search_document (kind, record_id, language)
        INCLUDE (original, published_on, evidence_level, regions, themes, populations)`);
    await queryRunner.query(`CREATE SEQUENCE search_index_generation`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE search_index_generation`);
    await queryRunner.query(`DROP INDEX search_document_projection_idx`);
    await queryRunner.query(`ALTER TABLE search_document DROP COLUMN title_vector`);
  }
}
