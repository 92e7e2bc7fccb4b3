import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An optional phone number per person, so placement officers can call those who did not answer
 * the follow-up survey. Stored in E.164 only (the API normalises what people type), which the
 * check enforces so a number has one spelling.
 */
export class UserPhone1765480000000 implements MigrationInterface {
  name = 'UserPhone1765480000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN phone varchar(16) NULL,
        ADD CONSTRAINT users_phone_e164_check CHECK (phone ~ '^\\+[1-9][0-9]{7,14}$')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN phone`);
  }
}
