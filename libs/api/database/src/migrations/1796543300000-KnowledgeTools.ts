import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge-tools registry (OBSERVATORY.md, "Knowledge tools"): tools, their counting facts
 * (append-only, so `knownAt` reproduces a past report after a correction), their versions
 * (append-only), their links to courses and publications, and their counted downloads.
 *
 * - `knowledge_tool` holds the texts and the current values; `knowledge_tool_fact` holds the
 *   facts the indicator reads (kind, purpose, ORIS role, licence): a change inserts a new row and
 *   marks the previous one `superseded_at`; the facts known at K are recorded by K and not
 *   superseded by K.
 * - `knowledge_tool_publication` has no foreign key to `publication` (another library's table,
 *   created on another branch): the ids are checked by the service when that table exists.
 * - `knowledge_tool_download` keeps a keyed hash of the visitor (never the address) and one row
 *   per counted download: a repeat by the same visitor within 24 hours is not written.
 */
export class KnowledgeTools1796543300000 implements MigrationInterface {
  name = 'KnowledgeTools1796543300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE knowledge_tool (
        id uuid CONSTRAINT knowledge_tool_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        titles jsonb NOT NULL CONSTRAINT knowledge_tool_titles_check CHECK (jsonb_typeof(titles) = 'object'),
        descriptions jsonb NOT NULL DEFAULT '{}' CONSTRAINT knowledge_tool_descriptions_check CHECK (jsonb_typeof(descriptions) = 'object'),
        original_language varchar(3) NOT NULL CONSTRAINT knowledge_tool_original_language_check CHECK (original_language ~ '^[a-z]{2,3}$'),
        search_text text NOT NULL DEFAULT '',
        kind varchar(32) NOT NULL CONSTRAINT knowledge_tool_kind_check CHECK (kind IN ('guide', 'method', 'survey_instrument', 'dataset', 'platform', 'training_kit', 'template', 'other')),
        purpose varchar(32) NOT NULL CONSTRAINT knowledge_tool_purpose_check CHECK (purpose IN ('collection', 'processing', 'dissemination')),
        oris_role varchar(32) NOT NULL CONSTRAINT knowledge_tool_oris_role_check CHECK (oris_role IN ('creator', 'co_creator', 'adapter', 'curator')),
        licence varchar(64),
        status varchar(16) NOT NULL DEFAULT 'submitted' CONSTRAINT knowledge_tool_status_check CHECK (status IN ('submitted', 'validated')),
        validated_at timestamptz,
        validated_by uuid CONSTRAINT knowledge_tool_validated_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        created_by uuid CONSTRAINT knowledge_tool_created_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT knowledge_tool_validated_check CHECK ((status = 'validated') = (validated_at IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX knowledge_tool_search_idx ON knowledge_tool USING gin (search_text gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX knowledge_tool_status_idx ON knowledge_tool (status, created_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE knowledge_tool_fact (
        id uuid CONSTRAINT knowledge_tool_fact_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        tool_id uuid NOT NULL CONSTRAINT knowledge_tool_fact_tool_fkey REFERENCES knowledge_tool (id) ON DELETE CASCADE,
        kind varchar(32) NOT NULL,
        purpose varchar(32) NOT NULL,
        oris_role varchar(32) NOT NULL,
        licence varchar(64),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid CONSTRAINT knowledge_tool_fact_recorded_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        superseded_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX knowledge_tool_fact_current_key ON knowledge_tool_fact (tool_id) WHERE superseded_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE knowledge_tool_version (
        id uuid CONSTRAINT knowledge_tool_version_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        tool_id uuid NOT NULL CONSTRAINT knowledge_tool_version_tool_fkey REFERENCES knowledge_tool (id) ON DELETE CASCADE,
        number varchar(32) NOT NULL CONSTRAINT knowledge_tool_version_number_check CHECK (number ~ '^[0-9]+(\\.[0-9]+){0,2}(-[0-9A-Za-z.-]+)?$'),
        released_on date NOT NULL,
        language varchar(3) NOT NULL CONSTRAINT knowledge_tool_version_language_check CHECK (language ~ '^[a-z]{2,3}$'),
        file_key varchar(512),
        file_name varchar(200),
        file_sha256 char(64) CONSTRAINT knowledge_tool_version_sha256_check CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
        file_size integer CONSTRAINT knowledge_tool_version_size_check CHECK (file_size >= 0),
        media_type varchar(120),
        url varchar(2000),
        note varchar(500),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid CONSTRAINT knowledge_tool_version_recorded_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT knowledge_tool_version_number_key UNIQUE (tool_id, number),
        CONSTRAINT knowledge_tool_version_file_check CHECK (
          (file_key IS NULL) = (file_sha256 IS NULL) AND (file_key IS NULL) = (file_size IS NULL)
          AND (file_key IS NULL) = (media_type IS NULL) AND (file_key IS NULL OR url IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX knowledge_tool_version_tool_idx ON knowledge_tool_version (tool_id, released_on)`,
    );

    await queryRunner.query(`
      CREATE TABLE knowledge_tool_course (
        tool_id uuid NOT NULL CONSTRAINT knowledge_tool_course_tool_fkey REFERENCES knowledge_tool (id) ON DELETE CASCADE,
        course_id uuid NOT NULL CONSTRAINT knowledge_tool_course_course_fkey REFERENCES course (id) ON DELETE CASCADE,
        CONSTRAINT knowledge_tool_course_pkey PRIMARY KEY (tool_id, course_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE knowledge_tool_publication (
        tool_id uuid NOT NULL CONSTRAINT knowledge_tool_publication_tool_fkey REFERENCES knowledge_tool (id) ON DELETE CASCADE,
        publication_id uuid NOT NULL,
        CONSTRAINT knowledge_tool_publication_pkey PRIMARY KEY (tool_id, publication_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE knowledge_tool_download (
        id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT knowledge_tool_download_pkey PRIMARY KEY,
        tool_id uuid NOT NULL CONSTRAINT knowledge_tool_download_tool_fkey REFERENCES knowledge_tool (id) ON DELETE CASCADE,
        version_id uuid NOT NULL CONSTRAINT knowledge_tool_download_version_fkey REFERENCES knowledge_tool_version (id) ON DELETE CASCADE,
        day date NOT NULL,
        visitor_hash char(64) NOT NULL,
        downloaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX knowledge_tool_download_visitor_idx ON knowledge_tool_download (version_id, visitor_hash, downloaded_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX knowledge_tool_download_tool_idx ON knowledge_tool_download (tool_id, version_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE knowledge_tool_download`);
    await queryRunner.query(`DROP TABLE knowledge_tool_publication`);
    await queryRunner.query(`DROP TABLE knowledge_tool_course`);
    await queryRunner.query(`DROP TABLE knowledge_tool_version`);
    await queryRunner.query(`DROP TABLE knowledge_tool_fact`);
    await queryRunner.query(`DROP TABLE knowledge_tool`);
  }
}
