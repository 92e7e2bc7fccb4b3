import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A situation of kind `inactive`: not working and not looking for work (caring for family,
 * illness, by choice). An answer, so the person has responded; neither inserted nor job-seeking
 * (`indicatorReadingOf` in libs/shared/domain/src/insertion.ts). Like seeking work, it names no
 * place, contract, sector or position.
 */
export class SituationInactive1796542310000 implements MigrationInterface {
  name = 'SituationInactive1796542310000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE placement_version DROP CONSTRAINT placement_version_kind_check,
        ADD CONSTRAINT placement_version_kind_check CHECK (kind IN ('wage_employment', 'self_employment', 'enterprise_creation', 'cooperative', 'internship', 'further_studies', 'seeking', 'inactive'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // A situation recorded as inactive has no earlier kind to go back to: the revert refuses
    // (the constraint fails) rather than rewriting someone's answer.
    await queryRunner.query(`
      ALTER TABLE placement_version DROP CONSTRAINT placement_version_kind_check,
        ADD CONSTRAINT placement_version_kind_check CHECK (kind IN ('wage_employment', 'self_employment', 'enterprise_creation', 'cooperative', 'internship', 'further_studies', 'seeking'))`);
  }
}
