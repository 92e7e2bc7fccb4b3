import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Law 09-08 right of erasure (libs/api/identity, `AccountErasure`). An erased account keeps its
 * row, so that the enrollments, completions and situations the indicators count keep their
 * person, but it is marked erased and its identity is anonymised.
 *
 * - `users.erased_at`: when the person's data was erased (also disabled: no sign-in).
 * - `email_outbox.status` may be `cancelled`: an email still pending to an erased person is never
 *   sent, and its content is purged.
 */
export class AccountErasure1796540400000 implements MigrationInterface {
  name = 'AccountErasure1796540400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN erased_at timestamptz NULL,
        ADD CONSTRAINT users_erased_disabled_check CHECK (erased_at IS NULL OR disabled_at IS NOT NULL)`);
    await queryRunner.query(`ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_status_check`);
    await queryRunner.query(`
      ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_status_check
        CHECK (status IN ('pending', 'sent', 'failed', 'cancelled'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // A cancelled email reads as failed once the status no longer exists.
    await queryRunner.query(`UPDATE email_outbox SET status = 'failed' WHERE status = 'cancelled'`);
    await queryRunner.query(`ALTER TABLE email_outbox DROP CONSTRAINT email_outbox_status_check`);
    await queryRunner.query(`
      ALTER TABLE email_outbox ADD CONSTRAINT email_outbox_status_check
        CHECK (status IN ('pending', 'sent', 'failed'))`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN erased_at`);
  }
}
