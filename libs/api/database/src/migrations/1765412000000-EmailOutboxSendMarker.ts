import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The send marker of outbox emails (libs/api/notifications, docs/RELIABILITY.md): before a worker
 * hands an email to the SMTP server it commits `send_attempt_id` (with `send_started_at`), and it
 * clears it when it records the outcome. A pending row found with a marker therefore had a send
 * begin whose outcome was never recorded (the worker died between the SMTP server's answer and
 * its commit): the server may have accepted it. The next attempt counts it in `uncertain_sends`
 * and sends again with the same Message-ID.
 */
export class EmailOutboxSendMarker1765412000000 implements MigrationInterface {
  name = 'EmailOutboxSendMarker1765412000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE email_outbox
        ADD COLUMN send_attempt_id uuid,
        ADD COLUMN send_started_at timestamptz,
        ADD COLUMN uncertain_sends integer NOT NULL DEFAULT 0
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE email_outbox
        DROP COLUMN uncertain_sends,
        DROP COLUMN send_started_at,
        DROP COLUMN send_attempt_id
    `);
  }
}
