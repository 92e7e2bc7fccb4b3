import { MigrationInterface, QueryRunner } from 'typeorm';

const REASONS = `'issued_in_error', 'completion_withdrawn', 'duplicate', 'fraud', 'other'`;

/**
 * A certificate's revocation reason becomes a code from a short list (public verification says
 * it, translated), and the administrator's free text moves to `revocation_note`, which nothing
 * public reads. Earlier revocations had free text only: it is kept as their note and their code
 * is `other` — guessing a code from the words could publish an accusation nobody chose.
 */
export class RevocationReasonCodes1765420000000 implements MigrationInterface {
  name = 'RevocationReasonCodes1765420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE certificate ADD COLUMN revocation_note varchar(500)`);
    await queryRunner.query(`
      UPDATE certificate SET revocation_note = revoked_reason, revoked_reason = 'other'
       WHERE revoked_reason IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE certificate
        ALTER COLUMN revoked_reason TYPE varchar(24),
        ADD CONSTRAINT certificate_revoked_reason_check CHECK (revoked_reason IN (${REASONS})),
        ADD CONSTRAINT certificate_revocation_note_check
          CHECK (revocation_note IS NULL OR status = 'revoked')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE certificate
        DROP CONSTRAINT certificate_revocation_note_check,
        DROP CONSTRAINT certificate_revoked_reason_check,
        ALTER COLUMN revoked_reason TYPE varchar(500)`);
    await queryRunner.query(`
      UPDATE certificate SET revoked_reason = coalesce(revocation_note, revoked_reason)
       WHERE revoked_reason IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE certificate DROP COLUMN revocation_note`);
  }
}
