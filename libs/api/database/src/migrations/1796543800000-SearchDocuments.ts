import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The observatory's one search (issue 17): one row per record and language that the public may
 * find (practice sheets, knowledge tools, publications, courses), written by the registries
 * through `SearchIndexer` in the transaction of the change that made them public, changed them or
 * withdrew them.
 *
 * - `title_normalized` and `body_normalized` are `oris_search_normalize` of the texts (the one
 *   normalisation, ARCHITECTURE "Search normalisation"), served by trigram GIN indexes: `LIKE`
 *   contains and `%>` word similarity (typos).
 * - `search_vector` is the stemmed full text, title weighted A and body B, built from the
 *   normalised texts so the query (normalised by `normalizeForSearch`) and the rows agree on
 *   accents and Arabic variants: `french` for fr, `english` for en, `simple` for ar. PostgreSQL 15
 *   has an `arabic` configuration (Snowball), but it expects the teh marbuta the normalisation
 *   folds to heh and then stems a singular and its plural apart (تعاونيه → تعا, التعاونيات →
 *   تعاون); `simple` plus the contains and trigram conditions finds both.
 * - The facets are arrays (GIN) so a filter on one value uses an index.
 */
export class SearchDocuments1796543800000 implements MigrationInterface {
  name = 'SearchDocuments1796543800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE search_document (
        kind varchar(16) NOT NULL CONSTRAINT search_document_kind_check CHECK (kind IN ('practice', 'tool', 'publication', 'course')),
        record_id uuid NOT NULL,
        language varchar(3) NOT NULL CONSTRAINT search_document_language_check CHECK (language IN ('fr', 'ar', 'en')),
        original boolean NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        regions text[] NOT NULL DEFAULT '{}',
        themes text[] NOT NULL DEFAULT '{}',
        populations text[] NOT NULL DEFAULT '{}',
        evidence_level smallint CONSTRAINT search_document_evidence_level_check CHECK (evidence_level BETWEEN 1 AND 5),
        subtype varchar(64),
        published_on date,
        path varchar(500) NOT NULL,
        indexed_at timestamptz NOT NULL DEFAULT now(),
        title_normalized text GENERATED ALWAYS AS (oris_search_normalize(title)) STORED,
        body_normalized text GENERATED ALWAYS AS (oris_search_normalize(body)) STORED,
        search_vector tsvector GENERATED ALWAYS AS (
          CASE language
            WHEN 'fr' THEN setweight(to_tsvector('french'::regconfig, oris_search_normalize(title)), 'A')
                        || setweight(to_tsvector('french'::regconfig, oris_search_normalize(body)), 'B')
            WHEN 'en' THEN setweight(to_tsvector('english'::regconfig, oris_search_normalize(title)), 'A')
                        || setweight(to_tsvector('english'::regconfig, oris_search_normalize(body)), 'B')
            ELSE setweight(to_tsvector('simple'::regconfig, oris_search_normalize(title)), 'A')
              || setweight(to_tsvector('simple'::regconfig, oris_search_normalize(body)), 'B')
          END) STORED,
        CONSTRAINT search_document_pkey PRIMARY KEY (kind, record_id, language)
      )`);
    await queryRunner.query(
      `CREATE INDEX search_document_vector_idx ON search_document USING gin (search_vector)`,
    );
    await queryRunner.query(
      `CREATE INDEX search_document_title_trgm_idx ON search_document USING gin (title_normalized gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX search_document_body_trgm_idx ON search_document USING gin (body_normalized gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX search_document_facets_idx ON search_document USING gin (regions, themes, populations)`,
    );
    await queryRunner.query(
      `CREATE INDEX search_document_recency_idx ON search_document (published_on DESC NULLS LAST, kind, record_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE search_document`);
  }
}
