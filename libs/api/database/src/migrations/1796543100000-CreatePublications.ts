import { MigrationInterface, QueryRunner } from 'typeorm';

const TYPES = `'journal_article', 'review_article', 'conference_paper', 'book', 'book_chapter', 'report', 'working_paper', 'policy_brief', 'thesis', 'other'`;
const OPEN_ACCESS = `'gold', 'diamond', 'green', 'hybrid', 'bronze', 'closed'`;

/** The facts the indexed-publications indicator reads, kept per version for `knownAt`. */
const COUNTED_FACTS = `
  status varchar(10) NOT NULL CHECK (status IN ('submitted', 'validated', 'withdrawn')),
  type varchar(24) NOT NULL CHECK (type IN (${TYPES})),
  title varchar(1000) NOT NULL,
  language varchar(8) NOT NULL,
  published_on date NOT NULL,
  published_on_precision varchar(5) NOT NULL CHECK (published_on_precision IN ('day', 'month', 'year')),
  serial_id uuid,
  open_access varchar(8) CHECK (open_access IN (${OPEN_ACCESS})),
  attribution varchar(16) CHECK (attribution IN ('affiliation', 'acknowledgement', 'both')),
  retracted_on date,
  merged_into_id uuid,
  validated_at timestamptz,
  validated_by uuid`;

/**
 * The publications registry (OBSERVATORY.md, "Publications").
 *
 * `publication` is the record as it stands; every write (creation, change, validation,
 * withdrawal, merge) also appends a `publication_version` carrying the counted facts and a
 * snapshot of the whole record, and marks the previous version `superseded_at`: the versions known
 * at K (`recorded_at <= K AND (superseded_at IS NULL OR superseded_at > K)`) give the indicator
 * exactly what was known then. Item-level index records are append-only the same way. Merged
 * duplicates keep their row and point at the kept record; nothing is ever deleted.
 */
export class CreatePublications1796543100000 implements MigrationInterface {
  name = 'CreatePublications1796543100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE publication (
        id uuid CONSTRAINT publication_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        type varchar(24) NOT NULL CONSTRAINT publication_type_check CHECK (type IN (${TYPES})),
        titles jsonb NOT NULL CONSTRAINT publication_titles_check CHECK (
          jsonb_typeof(titles) = 'array'
          AND jsonb_array_length(jsonb_path_query_array(titles, '$[*] ? (@.original == true)')) = 1),
        title varchar(1000) NOT NULL CONSTRAINT publication_title_check CHECK (length(btrim(title)) > 0),
        language varchar(8) NOT NULL,
        search_text text NOT NULL DEFAULT '',
        published_on date NOT NULL,
        published_on_precision varchar(5) NOT NULL CONSTRAINT publication_precision_check
          CHECK (published_on_precision IN ('day', 'month', 'year')),
        doi varchar(300) CONSTRAINT publication_doi_check CHECK (doi = lower(doi) AND doi ~ '^10\\.[0-9]{4,9}(\\.[0-9]+)*/\\S+$'),
        isbn varchar(13) CONSTRAINT publication_isbn_check CHECK (isbn ~ '^97[89][0-9]{10}$'),
        url varchar(2000),
        serial_id uuid CONSTRAINT publication_serial_fkey REFERENCES serial (id),
        volume varchar(40),
        issue varchar(40),
        pages varchar(40),
        peer_reviewed boolean,
        open_access varchar(8) CONSTRAINT publication_open_access_check CHECK (open_access IN (${OPEN_ACCESS})),
        licence varchar(64),
        attribution varchar(16) CONSTRAINT publication_attribution_check
          CHECK (attribution IN ('affiliation', 'acknowledgement', 'both')),
        attribution_evidence varchar(2000),
        retracted_on date,
        status varchar(10) NOT NULL DEFAULT 'submitted' CONSTRAINT publication_status_check
          CHECK (status IN ('submitted', 'validated', 'withdrawn')),
        validated_at timestamptz,
        validated_by uuid CONSTRAINT publication_validated_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        merged_into_id uuid CONSTRAINT publication_merged_into_fkey REFERENCES publication (id),
        version integer NOT NULL DEFAULT 1,
        created_by uuid CONSTRAINT publication_created_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT publication_validated_check CHECK ((status = 'validated') = (validated_at IS NOT NULL) OR status = 'withdrawn'),
        CONSTRAINT publication_merged_check CHECK (merged_into_id IS NULL OR merged_into_id <> id)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX publication_doi_key ON publication (doi) WHERE doi IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX publication_isbn_idx ON publication (isbn)`);
    await queryRunner.query(
      `CREATE INDEX publication_title_trgm_idx ON publication USING gin (oris_search_normalize(title) gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX publication_search_idx ON publication USING gin (search_text gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX publication_status_idx ON publication (status, published_on DESC)`,
    );

    await queryRunner.query(`
      CREATE TABLE publication_contributor (
        publication_id uuid NOT NULL CONSTRAINT publication_contributor_publication_fkey REFERENCES publication (id) ON DELETE CASCADE,
        position smallint NOT NULL CONSTRAINT publication_contributor_position_check CHECK (position >= 1),
        role varchar(8) NOT NULL DEFAULT 'author' CONSTRAINT publication_contributor_role_check CHECK (role IN ('author', 'editor')),
        family_name varchar(200),
        given_names varchar(200),
        name_ar varchar(300),
        orcid char(19) CONSTRAINT publication_contributor_orcid_check CHECK (orcid ~ '^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$'),
        affiliations jsonb NOT NULL DEFAULT '[]' CONSTRAINT publication_contributor_affiliations_check CHECK (jsonb_typeof(affiliations) = 'array'),
        oris_affiliation boolean NOT NULL DEFAULT false,
        CONSTRAINT publication_contributor_pkey PRIMARY KEY (publication_id, position),
        CONSTRAINT publication_contributor_name_check CHECK (coalesce(family_name, name_ar) IS NOT NULL)
      )`);

    await queryRunner.query(`
      CREATE TABLE publication_index_record (
        id uuid CONSTRAINT publication_index_record_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        publication_id uuid NOT NULL CONSTRAINT publication_index_record_publication_fkey REFERENCES publication (id) ON DELETE CASCADE,
        index_code varchar(32) NOT NULL CONSTRAINT publication_index_record_index_fkey REFERENCES observatory_index (code),
        external_id varchar(200),
        verified_on date NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        recorded_by uuid CONSTRAINT publication_index_record_recorded_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        superseded_at timestamptz,
        CONSTRAINT publication_index_record_superseded_check CHECK (superseded_at IS NULL OR superseded_at >= recorded_at)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX publication_index_record_current_key ON publication_index_record (publication_id, index_code) WHERE superseded_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE publication_version (
        id uuid CONSTRAINT publication_version_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        publication_id uuid NOT NULL CONSTRAINT publication_version_publication_fkey REFERENCES publication (id) ON DELETE CASCADE,
        version integer NOT NULL,
        change varchar(16) NOT NULL CONSTRAINT publication_version_change_check
          CHECK (change IN ('created', 'updated', 'validated', 'withdrawn', 'merged', 'imported')),
        ${COUNTED_FACTS},
        snapshot jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        recorded_by uuid CONSTRAINT publication_version_recorded_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        superseded_at timestamptz,
        CONSTRAINT publication_version_key UNIQUE (publication_id, version),
        CONSTRAINT publication_version_superseded_check CHECK (superseded_at IS NULL OR superseded_at >= recorded_at)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX publication_version_current_key ON publication_version (publication_id) WHERE superseded_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX publication_version_year_idx ON publication_version (published_on) WHERE status = 'validated'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE publication_version`);
    await queryRunner.query(`DROP TABLE publication_index_record`);
    await queryRunner.query(`DROP TABLE publication_contributor`);
    await queryRunner.query(`DROP TABLE publication`);
  }
}
