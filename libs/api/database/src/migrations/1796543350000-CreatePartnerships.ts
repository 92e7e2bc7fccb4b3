import { MigrationInterface, QueryRunner } from 'typeorm';

const GROUPS = `'regional_council', 'university', 'support_organisation', 'indh', 'international_cooperation', 'project_holder', 'funder', 'employer', 'public_administration', 'other'`;
const KINDS = `'framework_agreement', 'convention', 'mou', 'implementing_convention', 'amendment', 'renewal'`;

/**
 * Partnerships (OBSERVATORY.md "Partnerships", libs/api/partnerships).
 *
 * - `organisation.stakeholder_group`: the organisations that existed get the group of their kind
 *   (a literal copy of `STAKEHOLDER_GROUP_OF_KIND`: a migration never changes after it ran);
 *   rows inserted without one get `other`.
 * - `partnership`: one agreement; an amendment, renewal or implementing convention names its
 *   family's head in `parent_id`. Status is never stored: it is computed from the dates.
 * - `partnership_party`: the organisations party to an agreement, whether their signature is
 *   required, and their signature (`signed_on`, `signed_recorded_at`).
 * - `partnership_contribution`: what each party brings.
 * - `partnership_history`: the value a field had before each change (dates, renewal settings,
 *   termination, signatures), with the instant of the change, so a report at `knownAt` reads the
 *   values as they were known then.
 * - `partnership_renewal_alert`: the sent-marker of the renewal alert, one per agreement and end
 *   date, written in the transaction that writes the emails to the outbox.
 */
export class CreatePartnerships1796543350000 implements MigrationInterface {
  name = 'CreatePartnerships1796543350000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE organisation ADD COLUMN stakeholder_group varchar(32) NOT NULL DEFAULT 'other'`,
    );
    await queryRunner.query(`
      UPDATE organisation SET stakeholder_group = CASE kind
        WHEN 'association' THEN 'support_organisation'
        WHEN 'incubator' THEN 'support_organisation'
        WHEN 'university' THEN 'university'
        WHEN 'public_body' THEN 'public_administration'
        WHEN 'funder' THEN 'funder'
        WHEN 'company' THEN 'employer'
        WHEN 'cooperative' THEN 'project_holder'
        ELSE 'other' END`);
    await queryRunner.query(`
      ALTER TABLE organisation ADD CONSTRAINT organisation_stakeholder_group_check
        CHECK (stakeholder_group IN (${GROUPS}))`);
    await queryRunner.query(
      `CREATE INDEX organisation_stakeholder_group_idx ON organisation (stakeholder_group)`,
    );

    await queryRunner.query(`
      CREATE TABLE partnership (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        title varchar(300) NOT NULL,
        kind varchar(32) NOT NULL,
        parent_id uuid,
        starts_on date NOT NULL,
        ends_on date,
        renewal_mode varchar(16) NOT NULL DEFAULT 'none',
        notice_days integer NOT NULL DEFAULT 0,
        renewal_months integer,
        terminated_on date,
        termination_reason varchar(1000),
        terminated_recorded_at timestamptz,
        document_key varchar(200),
        document_name varchar(200),
        document_sha256 char(64),
        document_size integer,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT partnership_pkey PRIMARY KEY (id),
        CONSTRAINT partnership_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES partnership (id) ON DELETE RESTRICT,
        CONSTRAINT partnership_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT partnership_title_check CHECK (length(btrim(title)) > 0),
        CONSTRAINT partnership_kind_check CHECK (kind IN (${KINDS})),
        CONSTRAINT partnership_parent_check CHECK (
          (kind IN ('amendment', 'renewal', 'implementing_convention')) = (parent_id IS NOT NULL)),
        CONSTRAINT partnership_dates_check CHECK (ends_on IS NULL OR ends_on >= starts_on),
        CONSTRAINT partnership_renewal_mode_check CHECK (renewal_mode IN ('none', 'tacit', 'explicit')),
        CONSTRAINT partnership_notice_days_check CHECK (notice_days BETWEEN 0 AND 3650),
        CONSTRAINT partnership_renewal_months_check CHECK (
          (renewal_mode = 'tacit') = (renewal_months IS NOT NULL) AND (renewal_months IS NULL OR renewal_months BETWEEN 1 AND 120)),
        CONSTRAINT partnership_termination_check CHECK ((terminated_on IS NULL) = (terminated_recorded_at IS NULL)),
        CONSTRAINT partnership_document_check CHECK ((document_key IS NULL) = (document_sha256 IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX partnership_parent_id_idx ON partnership (parent_id) WHERE parent_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX partnership_kind_idx ON partnership (kind)`);

    await queryRunner.query(`
      CREATE TABLE partnership_party (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        role varchar(16) NOT NULL,
        signature_required boolean NOT NULL,
        signed_on date,
        signed_recorded_at timestamptz,
        signed_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT partnership_party_pkey PRIMARY KEY (id),
        CONSTRAINT partnership_party_partnership_id_fkey FOREIGN KEY (partnership_id) REFERENCES partnership (id) ON DELETE CASCADE,
        CONSTRAINT partnership_party_organisation_id_fkey FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE RESTRICT,
        CONSTRAINT partnership_party_signed_by_fkey FOREIGN KEY (signed_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT partnership_party_organisation_key UNIQUE (partnership_id, organisation_id),
        CONSTRAINT partnership_party_role_check CHECK (role IN ('signatory', 'funder', 'implementer', 'observer')),
        CONSTRAINT partnership_party_signed_check CHECK ((signed_on IS NULL) = (signed_recorded_at IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX partnership_party_organisation_id_idx ON partnership_party (organisation_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE partnership_contribution (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        partnership_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        kind varchar(16) NOT NULL,
        amount_mad numeric(14, 2),
        description varchar(1000) NOT NULL DEFAULT '',
        position smallint NOT NULL,
        CONSTRAINT partnership_contribution_pkey PRIMARY KEY (id),
        CONSTRAINT partnership_contribution_party_fkey FOREIGN KEY (partnership_id, organisation_id)
          REFERENCES partnership_party (partnership_id, organisation_id) ON DELETE CASCADE,
        CONSTRAINT partnership_contribution_kind_check CHECK (kind IN ('in_kind', 'financial', 'staff')),
        CONSTRAINT partnership_contribution_amount_check CHECK (amount_mad IS NULL OR amount_mad >= 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX partnership_contribution_partnership_id_idx ON partnership_contribution (partnership_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE partnership_history (
        id bigint GENERATED ALWAYS AS IDENTITY,
        partnership_id uuid NOT NULL,
        party_id uuid,
        field varchar(32) NOT NULL,
        old_value text,
        new_value text,
        changed_at timestamptz NOT NULL DEFAULT now(),
        changed_by uuid,
        CONSTRAINT partnership_history_pkey PRIMARY KEY (id),
        CONSTRAINT partnership_history_partnership_id_fkey FOREIGN KEY (partnership_id) REFERENCES partnership (id) ON DELETE CASCADE,
        CONSTRAINT partnership_history_changed_by_fkey FOREIGN KEY (changed_by) REFERENCES users (id) ON DELETE SET NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX partnership_history_partnership_id_idx ON partnership_history (partnership_id, changed_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE partnership_renewal_alert (
        partnership_id uuid NOT NULL,
        ends_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT partnership_renewal_alert_pkey PRIMARY KEY (partnership_id, ends_on),
        CONSTRAINT partnership_renewal_alert_partnership_id_fkey FOREIGN KEY (partnership_id) REFERENCES partnership (id) ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE partnership_renewal_alert`);
    await queryRunner.query(`DROP TABLE partnership_history`);
    await queryRunner.query(`DROP TABLE partnership_contribution`);
    await queryRunner.query(`DROP TABLE partnership_party`);
    await queryRunner.query(`DROP TABLE partnership`);
    await queryRunner.query(`DROP INDEX organisation_stakeholder_group_idx`);
    await queryRunner.query(
      `ALTER TABLE organisation DROP CONSTRAINT organisation_stakeholder_group_check, DROP COLUMN stakeholder_group`,
    );
  }
}
