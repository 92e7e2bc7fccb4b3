import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The practice library (OBSERVATORY.md, "Practice library"): sheets, their texts per language,
 * authors, contacts (published only with recorded consent), links to the other registries,
 * attachments and images (through FileStorage), per-field review comments and versions.
 *
 * - `practice_sheet` is the working state; `revision` is the number of its latest version (every
 *   change inserts one in `practice_version`, with a JSON snapshot), and a PATCH must name it
 *   (optimistic concurrency). `public_version` is the version the public reads: set by a publish,
 *   kept while a published sheet is edited again, cleared by an archive.
 * - `search_text` holds the normalised texts of the working state (staff search);
 *   `public_search_text` those of the public version (public search), both over
 *   `oris_search_normalize` with a trigram index, as the catalogue does.
 * - The public facets (regions, themes, populations, evidence level) of the public version are
 *   copied into `public_*` columns at publish, so the public list filters without reading JSON.
 */
export class PracticeLibrary1796543700000 implements MigrationInterface {
  name = 'PracticeLibrary1796543700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE practice_sheet (
        id uuid CONSTRAINT practice_sheet_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(120) NOT NULL CONSTRAINT practice_sheet_slug_check CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        status varchar(16) NOT NULL DEFAULT 'draft' CONSTRAINT practice_sheet_status_check CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
        original_language varchar(2) NOT NULL CONSTRAINT practice_sheet_original_language_check CHECK (original_language IN ('fr', 'ar', 'en')),
        regions varchar(5)[] NOT NULL DEFAULT '{}',
        themes varchar(40)[] NOT NULL DEFAULT '{}',
        populations varchar(40)[] NOT NULL DEFAULT '{}',
        total_cost_mad numeric(14, 2) CONSTRAINT practice_sheet_total_cost_check CHECK (total_cost_mad >= 0),
        cost_per_beneficiary_mad numeric(12, 2) CONSTRAINT practice_sheet_cost_per_beneficiary_check CHECK (cost_per_beneficiary_mad >= 0),
        beneficiaries integer CONSTRAINT practice_sheet_beneficiaries_check CHECK (beneficiaries >= 0),
        start_year smallint CONSTRAINT practice_sheet_start_year_check CHECK (start_year BETWEEN 1950 AND 2100),
        end_year smallint CONSTRAINT practice_sheet_end_year_check CHECK (end_year BETWEEN 1950 AND 2100),
        result_figures jsonb NOT NULL DEFAULT '[]' CONSTRAINT practice_sheet_result_figures_check CHECK (jsonb_typeof(result_figures) = 'array'),
        evidence_level smallint CONSTRAINT practice_sheet_evidence_level_check CHECK (evidence_level BETWEEN 1 AND 5),
        evidence_justification jsonb NOT NULL DEFAULT '{}' CONSTRAINT practice_sheet_evidence_justification_check CHECK (jsonb_typeof(evidence_justification) = 'object'),
        revision integer NOT NULL DEFAULT 0 CONSTRAINT practice_sheet_revision_check CHECK (revision >= 0),
        public_version integer,
        public_regions varchar(5)[] NOT NULL DEFAULT '{}',
        public_themes varchar(40)[] NOT NULL DEFAULT '{}',
        public_populations varchar(40)[] NOT NULL DEFAULT '{}',
        public_evidence_level smallint,
        published_at timestamptz,
        search_text text NOT NULL DEFAULT '',
        public_search_text text NOT NULL DEFAULT '',
        created_by uuid CONSTRAINT practice_sheet_created_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT practice_sheet_slug_key UNIQUE (slug),
        CONSTRAINT practice_sheet_years_check CHECK (end_year IS NULL OR start_year IS NULL OR end_year >= start_year),
        CONSTRAINT practice_sheet_public_check CHECK ((public_version IS NULL) = (published_at IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX practice_sheet_status_idx ON practice_sheet (status, updated_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX practice_sheet_public_idx ON practice_sheet (published_at) WHERE public_version IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX practice_sheet_search_idx ON practice_sheet USING gin (search_text gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX practice_sheet_public_search_idx ON practice_sheet USING gin (public_search_text gin_trgm_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE practice_sheet_author (
        sheet_id uuid NOT NULL CONSTRAINT practice_sheet_author_sheet_fkey REFERENCES practice_sheet (id) ON DELETE CASCADE,
        user_id uuid NOT NULL CONSTRAINT practice_sheet_author_user_fkey REFERENCES users (id) ON DELETE CASCADE,
        since timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT practice_sheet_author_pkey PRIMARY KEY (sheet_id, user_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX practice_sheet_author_user_idx ON practice_sheet_author (user_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE practice_sheet_text (
        sheet_id uuid NOT NULL CONSTRAINT practice_sheet_text_sheet_fkey REFERENCES practice_sheet (id) ON DELETE CASCADE,
        language varchar(2) NOT NULL CONSTRAINT practice_sheet_text_language_check CHECK (language IN ('fr', 'ar', 'en')),
        is_translation boolean NOT NULL,
        fields jsonb NOT NULL CONSTRAINT practice_sheet_text_fields_check CHECK (jsonb_typeof(fields) = 'object'),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT practice_sheet_text_pkey PRIMARY KEY (sheet_id, language)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX practice_sheet_text_original_key ON practice_sheet_text (sheet_id) WHERE NOT is_translation`,
    );

    await queryRunner.query(`
      CREATE TABLE practice_contact (
        id uuid CONSTRAINT practice_contact_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        sheet_id uuid NOT NULL CONSTRAINT practice_contact_sheet_fkey REFERENCES practice_sheet (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        name varchar(200) NOT NULL,
        role varchar(200),
        organisation varchar(200),
        email varchar(254),
        phone varchar(40),
        consent_recorded_at timestamptz,
        consent_recorded_by uuid CONSTRAINT practice_contact_consent_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        consent_note varchar(500),
        CONSTRAINT practice_contact_position_key UNIQUE (sheet_id, position)
      )`);

    for (const [table, column, target] of [
      ['practice_tool', 'tool_id', 'knowledge_tool'],
      ['practice_publication', 'publication_id', 'publication'],
      ['practice_course', 'course_id', 'course'],
      ['practice_partnership', 'partnership_id', 'partnership'],
    ]) {
      await queryRunner.query(`
        CREATE TABLE ${table} (
          sheet_id uuid NOT NULL CONSTRAINT ${table}_sheet_fkey REFERENCES practice_sheet (id) ON DELETE CASCADE,
          ${column} uuid NOT NULL CONSTRAINT ${table}_target_fkey REFERENCES ${target} (id) ON DELETE CASCADE,
          CONSTRAINT ${table}_pkey PRIMARY KEY (sheet_id, ${column})
        )`);
      await queryRunner.query(`CREATE INDEX ${table}_target_idx ON ${table} (${column})`);
    }

    await queryRunner.query(`
      CREATE TABLE practice_attachment (
        id uuid CONSTRAINT practice_attachment_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        sheet_id uuid NOT NULL CONSTRAINT practice_attachment_sheet_fkey REFERENCES practice_sheet (id) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CONSTRAINT practice_attachment_kind_check CHECK (kind IN ('attachment', 'image')),
        file_key varchar(512) NOT NULL,
        file_name varchar(200) NOT NULL,
        sha256 char(64) NOT NULL CONSTRAINT practice_attachment_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size integer NOT NULL CONSTRAINT practice_attachment_size_check CHECK (size > 0),
        media_type varchar(120) NOT NULL,
        alt_text jsonb NOT NULL DEFAULT '{}' CONSTRAINT practice_attachment_alt_text_check CHECK (jsonb_typeof(alt_text) = 'object'),
        uploaded_by uuid CONSTRAINT practice_attachment_uploaded_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        removed_at timestamptz,
        CONSTRAINT practice_attachment_image_alt_check CHECK (kind <> 'image' OR alt_text <> '{}'::jsonb)
      )`);
    await queryRunner.query(
      `CREATE INDEX practice_attachment_sheet_idx ON practice_attachment (sheet_id, uploaded_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE practice_comment (
        id uuid CONSTRAINT practice_comment_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        sheet_id uuid NOT NULL CONSTRAINT practice_comment_sheet_fkey REFERENCES practice_sheet (id) ON DELETE CASCADE,
        field varchar(40) NOT NULL,
        language varchar(2) CONSTRAINT practice_comment_language_check CHECK (language IN ('fr', 'ar', 'en')),
        body varchar(2000) NOT NULL,
        author_id uuid CONSTRAINT practice_comment_author_fkey REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by uuid CONSTRAINT practice_comment_resolved_by_fkey REFERENCES users (id) ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX practice_comment_sheet_idx ON practice_comment (sheet_id, created_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE practice_version (
        sheet_id uuid NOT NULL CONSTRAINT practice_version_sheet_fkey REFERENCES practice_sheet (id) ON DELETE CASCADE,
        number integer NOT NULL CONSTRAINT practice_version_number_check CHECK (number >= 1),
        status varchar(16) NOT NULL,
        action varchar(32) NOT NULL,
        snapshot jsonb NOT NULL,
        author_id uuid CONSTRAINT practice_version_author_fkey REFERENCES users (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT practice_version_pkey PRIMARY KEY (sheet_id, number)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'practice_version',
      'practice_comment',
      'practice_attachment',
      'practice_partnership',
      'practice_course',
      'practice_publication',
      'practice_tool',
      'practice_contact',
      'practice_sheet_text',
      'practice_sheet_author',
      'practice_sheet',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
