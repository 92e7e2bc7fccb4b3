import { MigrationInterface, QueryRunner } from 'typeorm';

const INDICATORS = `'insertion', 'publications', 'tools', 'partnerships'`;

/**
 * The yearly impact report of the four indicators (OBSERVATORY.md): targets and baselines an
 * administrator sets per indicator and year, and the frozen reports.
 *
 * Targets keep their history: a new value inserts a row and marks the one it replaces
 * `superseded_at` (the current target is the one not superseded). A frozen report is never
 * changed: a restatement is the next version of the same year, with its reason and its
 * differences from the version before; a trigger refuses UPDATE and DELETE of a version
 * (but for the author's account being erased).
 */
export class ImpactTargetsAndReports1796543500000 implements MigrationInterface {
  name = 'ImpactTargetsAndReports1796543500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE indicator_target (
        id uuid CONSTRAINT indicator_target_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator varchar(16) NOT NULL CONSTRAINT indicator_target_indicator_check CHECK (indicator IN (${INDICATORS})),
        year smallint NOT NULL CONSTRAINT indicator_target_year_check CHECK (year BETWEEN 2000 AND 2100),
        target numeric(12, 2) NOT NULL CONSTRAINT indicator_target_target_check CHECK (target >= 0),
        baseline numeric(12, 2) CONSTRAINT indicator_target_baseline_check CHECK (baseline IS NULL OR baseline >= 0),
        set_by uuid CONSTRAINT indicator_target_set_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        set_at timestamptz NOT NULL DEFAULT now(),
        superseded_at timestamptz,
        CONSTRAINT indicator_target_superseded_check CHECK (superseded_at IS NULL OR superseded_at >= set_at)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX indicator_target_current_key ON indicator_target (indicator, year) WHERE superseded_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE impact_report (
        id uuid CONSTRAINT impact_report_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        year smallint NOT NULL CONSTRAINT impact_report_year_check CHECK (year BETWEEN 2000 AND 2100),
        version integer NOT NULL CONSTRAINT impact_report_version_check CHECK (version >= 1),
        as_of date NOT NULL,
        known_at timestamptz NOT NULL,
        reason text,
        figures jsonb NOT NULL,
        differences jsonb,
        frozen_by uuid CONSTRAINT impact_report_frozen_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        frozen_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT impact_report_year_version_key UNIQUE (year, version),
        CONSTRAINT impact_report_restatement_check CHECK (version = 1 OR (reason IS NOT NULL AND differences IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE FUNCTION impact_report_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- The one change allowed: the account of the person who froze it erased (SET NULL).
        IF TG_OP = 'UPDATE' AND NEW.frozen_by IS NULL
           AND (NEW.id, NEW.year, NEW.version, NEW.as_of, NEW.known_at, NEW.reason, NEW.figures,
                NEW.differences, NEW.frozen_at)
               IS NOT DISTINCT FROM (OLD.id, OLD.year, OLD.version, OLD.as_of, OLD.known_at,
                OLD.reason, OLD.figures, OLD.differences, OLD.frozen_at) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'a frozen impact report is never changed: freeze a new version';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER impact_report_frozen BEFORE UPDATE OR DELETE ON impact_report
        FOR EACH ROW EXECUTE FUNCTION impact_report_is_frozen()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE impact_report`);
    await queryRunner.query(`DROP FUNCTION impact_report_is_frozen()`);
    await queryRunner.query(`DROP TABLE indicator_target`);
  }
}
