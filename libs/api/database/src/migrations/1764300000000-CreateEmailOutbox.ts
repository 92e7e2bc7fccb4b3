import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The email outbox: a row is written in the same transaction as the change that causes the email,
 * so the email exists if and only if that change commits; the worker records its delivery here.
 * `user_id` has no foreign key: emails may go to people without an account, and erasure of a
 * person deals with their rows explicitly.
 */
export class CreateEmailOutbox1764300000000 implements MigrationInterface {
  name = 'CreateEmailOutbox1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE email_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        to_address varchar(320) NOT NULL,
        template varchar(64) NOT NULL,
        locale varchar(2) NOT NULL CHECK (locale IN ('fr', 'ar', 'en')),
        params jsonb NOT NULL DEFAULT '{}'::jsonb,
        user_id uuid,
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        last_attempt_at timestamptz,
        next_attempt_at timestamptz,
        enqueued_at timestamptz,
        sent_at timestamptz,
        message_id varchar(998),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'sent' OR sent_at IS NOT NULL)
      )`);
    // The dispatcher and the sweeper only ever look for pending rows, oldest first.
    await queryRunner.query(
      `CREATE INDEX email_outbox_pending_idx ON email_outbox (created_at) WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX email_outbox_user_idx ON email_outbox (user_id) WHERE user_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE email_outbox`);
  }
}
