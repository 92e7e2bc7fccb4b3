import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public insertion figures' quarterly releases (libs/api/indicators, `PublicReleases`): one
 * row per calendar quarter, produced by the worker once the quarter is over, holding the figures
 * exactly as published (already suppressed, with the definition of the day). The public route
 * serves the latest. A release is never rewritten: successive releases that differ by a few days
 * of data would let a visitor subtract one from the other, and a published figure must stay what
 * it was. A trigger refuses any UPDATE or DELETE.
 */
export class CreatePublicIndicatorRelease1765460000000 implements MigrationInterface {
  name = 'CreatePublicIndicatorRelease1765460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE public_indicator_release (
        quarter varchar(7) PRIMARY KEY CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
        as_of date NOT NULL,
        released_on date NOT NULL CHECK (released_on > as_of),
        released_at timestamptz NOT NULL,
        figures jsonb NOT NULL
      )`);
    await queryRunner.query(`
      CREATE FUNCTION public_indicator_release_frozen() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'public indicator release % is frozen', OLD.quarter
          USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER public_indicator_release_frozen
        BEFORE UPDATE OR DELETE ON public_indicator_release
        FOR EACH ROW EXECUTE FUNCTION public_indicator_release_frozen()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE public_indicator_release`);
    await queryRunner.query(`DROP FUNCTION public_indicator_release_frozen()`);
  }
}
