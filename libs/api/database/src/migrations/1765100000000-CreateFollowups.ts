import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-ups of completers at 6, 9 and 12 months (libs/api/followups).
 *
 * One row per completed enrollment and horizon (unique), so scheduling from the event and from
 * the worker's re-derivation can both run without doubles. The survey link lives on the row: only
 * the SHA-256 of the current token is stored (unique, so a token names exactly one follow-up), with
 * its expiry; a reminder replaces it (the old link stops working) and an answer clears it (spent).
 */
export class CreateFollowups1765100000000 implements MigrationInterface {
  name = 'CreateFollowups1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE followup (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL,
        user_id uuid NOT NULL,
        horizon smallint NOT NULL,
        due_on date NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'scheduled',
        emailed_at timestamptz,
        reminder_count smallint NOT NULL DEFAULT 0,
        last_reminded_at timestamptz,
        token_hash bytea,
        token_expires_at timestamptz,
        answered_at timestamptz,
        answer_channel varchar(6),
        answered_by uuid,
        placement_id uuid,
        note varchar(1000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT followup_pkey PRIMARY KEY (id),
        CONSTRAINT followup_enrollment_id_horizon_key UNIQUE (enrollment_id, horizon),
        CONSTRAINT followup_token_hash_key UNIQUE (token_hash),
        CONSTRAINT followup_enrollment_id_fkey FOREIGN KEY (enrollment_id) REFERENCES enrollment (id) ON DELETE CASCADE,
        CONSTRAINT followup_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT followup_answered_by_fkey FOREIGN KEY (answered_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT followup_placement_id_fkey FOREIGN KEY (placement_id) REFERENCES placement (id) ON DELETE SET NULL,
        CONSTRAINT followup_horizon_check CHECK (horizon IN (6, 9, 12)),
        CONSTRAINT followup_status_check CHECK (status IN ('scheduled', 'due', 'skipped', 'answered')),
        CONSTRAINT followup_answer_channel_check CHECK (answer_channel IN ('survey', 'phone')),
        CONSTRAINT followup_answered_check CHECK ((status = 'answered') = (answered_at IS NOT NULL AND answer_channel IS NOT NULL)),
        CONSTRAINT followup_phone_check CHECK ((answer_channel = 'phone') = (answered_by IS NOT NULL)),
        CONSTRAINT followup_token_check CHECK ((token_hash IS NULL) = (token_expires_at IS NULL) AND (token_hash IS NULL OR status = 'due')),
        CONSTRAINT followup_reminder_count_check CHECK (reminder_count >= 0)
      )`);
    // The due pass: scheduled rows by day.
    await queryRunner.query(
      `CREATE INDEX followup_scheduled_due_on_idx ON followup (due_on) WHERE status = 'scheduled'`,
    );
    // The reminder pass and the officers' queue.
    await queryRunner.query(`CREATE INDEX followup_status_due_on_idx ON followup (status, due_on)`);
    await queryRunner.query(`CREATE INDEX followup_user_id_idx ON followup (user_id)`);
    await queryRunner.query(
      `CREATE INDEX followup_placement_id_idx ON followup (placement_id) WHERE placement_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE followup`);
  }
}
