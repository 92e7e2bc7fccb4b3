import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner organisations and placements (libs/api/placements).
 *
 * A placement is a stable identity (`placement`: whose situation, who opened it) and a history of
 * versions (`placement_version`). A change or a validation writes a new version and marks the
 * previous one superseded; a version's facts are never updated afterwards, so "who changed what"
 * is read from the rows themselves. The current version is the one with `superseded_at IS NULL`
 * (at most one per placement: partial unique index); `placement_current` is that view.
 *
 * The indicator reads validated current versions by person and dates: the partial index
 * `placement_version_validated_idx` serves it; `user_id` is copied on each version (kept equal
 * to the placement's by a composite foreign key) so that it needs no join.
 */
export class CreatePlacements1765000000000 implements MigrationInterface {
  name = 'CreatePlacements1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organisation (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name varchar(160) NOT NULL,
        kind varchar(16) NOT NULL,
        region_code varchar(5) NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisation_pkey PRIMARY KEY (id),
        CONSTRAINT organisation_region_code_fkey FOREIGN KEY (region_code) REFERENCES region (code) ON DELETE RESTRICT,
        CONSTRAINT organisation_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT organisation_kind_check CHECK (kind IN ('association', 'incubator', 'university', 'public_body', 'funder', 'company', 'cooperative')),
        CONSTRAINT organisation_name_check CHECK (length(btrim(name)) > 0)
      )`);
    // One organisation of a name per region, whatever the case.
    await queryRunner.query(
      `CREATE UNIQUE INDEX organisation_region_name_key ON organisation (region_code, lower(name))`,
    );
    await queryRunner.query(`CREATE INDEX organisation_kind_idx ON organisation (kind)`);

    await queryRunner.query(`
      CREATE TABLE placement (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT placement_pkey PRIMARY KEY (id),
        CONSTRAINT placement_id_user_id_key UNIQUE (id, user_id),
        CONSTRAINT placement_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT placement_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE RESTRICT
      )`);

    await queryRunner.query(`
      CREATE TABLE placement_version (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        placement_id uuid NOT NULL,
        version integer NOT NULL,
        user_id uuid NOT NULL,
        enrollment_id uuid,
        kind varchar(24) NOT NULL,
        contract varchar(20),
        organisation_id uuid,
        employer_name varchar(160),
        sector varchar(120),
        position varchar(120),
        region_code varchar(5) NOT NULL,
        start_on date NOT NULL,
        end_on date,
        source varchar(10) NOT NULL,
        evidence varchar(12) NOT NULL,
        note varchar(1000),
        validated_by uuid,
        validated_at timestamptz,
        recorded_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        superseded_at timestamptz,
        CONSTRAINT placement_version_pkey PRIMARY KEY (id),
        CONSTRAINT placement_version_number_key UNIQUE (placement_id, version),
        CONSTRAINT placement_version_placement_fkey FOREIGN KEY (placement_id, user_id) REFERENCES placement (id, user_id) ON DELETE RESTRICT,
        CONSTRAINT placement_version_enrollment_id_fkey FOREIGN KEY (enrollment_id) REFERENCES enrollment (id) ON DELETE RESTRICT,
        CONSTRAINT placement_version_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE RESTRICT,
        CONSTRAINT placement_version_region_code_fkey FOREIGN KEY (region_code) REFERENCES region (code) ON DELETE RESTRICT,
        CONSTRAINT placement_version_validated_by_fkey FOREIGN KEY (validated_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT placement_version_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT placement_version_version_check CHECK (version >= 1),
        CONSTRAINT placement_version_kind_check CHECK (kind IN ('wage_employment', 'self_employment', 'enterprise_creation', 'cooperative', 'internship', 'further_studies', 'seeking')),
        CONSTRAINT placement_version_contract_check CHECK (contract IN ('permanent', 'fixed_term', 'insertion_contract', 'other')),
        CONSTRAINT placement_version_contract_kind_check CHECK ((kind = 'wage_employment') = (contract IS NOT NULL)),
        CONSTRAINT placement_version_employer_check CHECK (organisation_id IS NULL OR employer_name IS NULL),
        CONSTRAINT placement_version_structure_check CHECK (kind NOT IN ('wage_employment', 'enterprise_creation', 'cooperative', 'internship') OR ((organisation_id IS NOT NULL OR employer_name IS NOT NULL) AND sector IS NOT NULL AND position IS NOT NULL)),
        CONSTRAINT placement_version_dates_check CHECK (end_on IS NULL OR end_on >= start_on),
        CONSTRAINT placement_version_source_check CHECK (source IN ('officer', 'survey', 'employer')),
        CONSTRAINT placement_version_evidence_check CHECK (evidence IN ('declared', 'confirmed', 'documented')),
        CONSTRAINT placement_version_validated_check CHECK ((validated_by IS NULL) = (validated_at IS NULL)),
        CONSTRAINT placement_version_superseded_check CHECK (superseded_at IS NULL OR superseded_at >= created_at)
      )`);
    // At most one current version per placement.
    await queryRunner.query(
      `CREATE UNIQUE INDEX placement_version_current_key ON placement_version (placement_id) WHERE superseded_at IS NULL`,
    );
    // A person's situations by dates (the situation page, "trainees to follow").
    await queryRunner.query(
      `CREATE INDEX placement_version_person_idx ON placement_version (user_id, start_on, end_on) WHERE superseded_at IS NULL`,
    );
    // The indicator: validated current situations of a person, by start, with what it tests.
    await queryRunner.query(
      `CREATE INDEX placement_version_validated_idx ON placement_version (user_id, start_on) INCLUDE (end_on, kind) WHERE superseded_at IS NULL AND validated_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX placement_version_organisation_id_idx ON placement_version (organisation_id) WHERE organisation_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX placement_version_enrollment_id_idx ON placement_version (enrollment_id) WHERE enrollment_id IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE VIEW placement_current AS
        SELECT * FROM placement_version WHERE superseded_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW placement_current`);
    await queryRunner.query(`DROP TABLE placement_version`);
    await queryRunner.query(`DROP TABLE placement`);
    await queryRunner.query(`DROP TABLE organisation`);
  }
}
