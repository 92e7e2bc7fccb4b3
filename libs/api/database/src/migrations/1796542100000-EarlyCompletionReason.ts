import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A completion validated before the session's last meeting has started keeps the validator's
 * reason; the completion route refuses an early completion without one.
 */
export class EarlyCompletionReason1796542100000 implements MigrationInterface {
  name = 'EarlyCompletionReason1796542100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE enrollment ADD COLUMN early_completion_reason varchar(500)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE enrollment DROP COLUMN early_completion_reason`);
  }
}
