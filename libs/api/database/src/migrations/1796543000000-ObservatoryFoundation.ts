import { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES_BEFORE = `'trainee', 'trainer', 'placement_officer', 'admin'`;
const ROLES_AFTER = `'trainee', 'trainer', 'placement_officer', 'observatory_editor', 'partnership_officer', 'admin'`;

/**
 * The observatory's people and reference data (OBSERVATORY.md): the observatory editor and the
 * partnership officer roles; the reference list of indexes (which count is an admin's setting);
 * serials (journals) and their coverage by each index.
 *
 * Coverage is append-only so a past report can be reproduced (`knownAt`): a correction inserts a
 * new row and marks the one it replaces `superseded_at`; the rows known at K are those recorded
 * by K and not superseded by K.
 */
export class ObservatoryFoundation1796543000000 implements MigrationInterface {
  name = 'ObservatoryFoundation1796543000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE user_role DROP CONSTRAINT user_role_role_check,
        ADD CONSTRAINT user_role_role_check CHECK (role IN (${ROLES_AFTER}))`);

    await queryRunner.query(`
      CREATE TABLE observatory_index (
        code varchar(32) CONSTRAINT observatory_index_pkey PRIMARY KEY,
        name_fr varchar(120) NOT NULL,
        name_ar varchar(120) NOT NULL,
        name_en varchar(120) NOT NULL,
        counts boolean NOT NULL,
        position smallint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid CONSTRAINT observatory_index_updated_by_fkey REFERENCES users (id) ON DELETE SET NULL
      )`);
    await queryRunner.query(`
      INSERT INTO observatory_index (code, name_fr, name_ar, name_en, counts, position) VALUES
        ('scopus', 'Scopus', 'سكوبس', 'Scopus', true, 1),
        ('wos_scie', 'Web of Science – SCIE', 'شبكة العلوم – SCIE', 'Web of Science – SCIE', true, 2),
        ('wos_ssci', 'Web of Science – SSCI', 'شبكة العلوم – SSCI', 'Web of Science – SSCI', true, 3),
        ('wos_ahci', 'Web of Science – AHCI', 'شبكة العلوم – AHCI', 'Web of Science – AHCI', true, 4),
        ('wos_esci', 'Web of Science – ESCI', 'شبكة العلوم – ESCI', 'Web of Science – ESCI', true, 5),
        ('doaj', 'DOAJ (revues en libre accès)', 'دليل المجلات مفتوحة الوصول (DOAJ)', 'DOAJ (Directory of Open Access Journals)', true, 6),
        ('arci', 'ARCI (Arab Citation Index)', 'معامل الاستشهادات المرجعية العربي (ARCI)', 'ARCI (Arab Citation Index)', true, 7),
        ('pubmed', 'PubMed', 'بوب ميد', 'PubMed', true, 8),
        ('scielo', 'SciELO', 'سيلو', 'SciELO', true, 9),
        ('arcif', 'Arcif (facteur d’impact arabe)', 'معامل التأثير العربي (أرسيف)', 'Arcif (Arab impact factor)', false, 10),
        ('imist', 'IMIST', 'المعهد المغربي للإعلام العلمي والتقني', 'IMIST', false, 11),
        ('crossref', 'Crossref', 'كروس ريف', 'Crossref', false, 12),
        ('datacite', 'DataCite', 'داتا سايت', 'DataCite', false, 13),
        ('google_scholar', 'Google Scholar', 'الباحث العلمي من جوجل', 'Google Scholar', false, 14)`);

    await queryRunner.query(`
      CREATE TABLE serial (
        id uuid CONSTRAINT serial_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(400) NOT NULL CONSTRAINT serial_title_check CHECK (length(btrim(title)) > 0),
        alternate_titles jsonb NOT NULL DEFAULT '[]',
        issn_print char(9) CONSTRAINT serial_issn_print_check CHECK (issn_print ~ '^[0-9]{4}-[0-9]{3}[0-9X]$'),
        issn_online char(9) CONSTRAINT serial_issn_online_check CHECK (issn_online ~ '^[0-9]{4}-[0-9]{3}[0-9X]$'),
        publisher varchar(300),
        country char(2) CONSTRAINT serial_country_check CHECK (country ~ '^[A-Z]{2}$'),
        created_by uuid CONSTRAINT serial_created_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX serial_issn_print_key ON serial (issn_print) WHERE issn_print IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX serial_issn_online_key ON serial (issn_online) WHERE issn_online IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE serial_coverage (
        id uuid CONSTRAINT serial_coverage_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        serial_id uuid NOT NULL CONSTRAINT serial_coverage_serial_fkey REFERENCES serial (id) ON DELETE CASCADE,
        index_code varchar(32) NOT NULL CONSTRAINT serial_coverage_index_fkey REFERENCES observatory_index (code),
        from_year smallint NOT NULL CONSTRAINT serial_coverage_from_year_check CHECK (from_year BETWEEN 1900 AND 2100),
        to_year smallint CONSTRAINT serial_coverage_to_year_check CHECK (to_year IS NULL OR to_year >= from_year),
        state varchar(16) NOT NULL CONSTRAINT serial_coverage_state_check CHECK (state IN ('active', 'discontinued')),
        checked_on date NOT NULL,
        evidence_sha256 char(64) CONSTRAINT serial_coverage_evidence_sha256_check CHECK (evidence_sha256 ~ '^[0-9a-f]{64}$'),
        evidence_url varchar(2000),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by uuid CONSTRAINT serial_coverage_recorded_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        superseded_at timestamptz,
        CONSTRAINT serial_coverage_superseded_check CHECK (superseded_at IS NULL OR superseded_at >= recorded_at)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX serial_coverage_current_key ON serial_coverage (serial_id, index_code, from_year) WHERE superseded_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX serial_coverage_serial_idx ON serial_coverage (serial_id, index_code)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE serial_coverage`);
    await queryRunner.query(`DROP TABLE serial`);
    await queryRunner.query(`DROP TABLE observatory_index`);
    // An account given an observatory role has no earlier role to fall back to: the revert
    // refuses (the constraint fails) rather than silently taking the role away.
    await queryRunner.query(`
      ALTER TABLE user_role DROP CONSTRAINT user_role_role_check,
        ADD CONSTRAINT user_role_role_check CHECK (role IN (${ROLES_BEFORE}))`);
  }
}
