import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The words of the search index (issue 17), as the pg_trgm documentation advises for typo
 * tolerance over long texts: comparing a mistyped query with every body by word similarity is
 * far too slow at 45,000 documents (P11), so a mistyped word is first matched against this list
 * of the distinct normalised words (a trigram index on a few thousand short words), and the
 * words found join the full-text query. `SearchIndexer` adds the words of what it indexes;
 * words of removed documents stay (they only widen a correction that then finds nothing).
 */
export class SearchWords1796543810000 implements MigrationInterface {
  name = 'SearchWords1796543810000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE search_word (
        word text CONSTRAINT search_word_pkey PRIMARY KEY
      )`);
    await queryRunner.query(
      `CREATE INDEX search_word_trgm_idx ON search_word USING gin (word gin_trgm_ops)`,
    );
    await queryRunner.query(`
      INSERT INTO search_word (word)
      SELECT DISTINCT w FROM search_document d,
             regexp_split_to_table(d.title_normalized || ' ' || d.body_normalized, ' ') AS w
       WHERE length(w) >= 4
      ON CONFLICT DO NOTHING`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE search_word`);
  }
}
