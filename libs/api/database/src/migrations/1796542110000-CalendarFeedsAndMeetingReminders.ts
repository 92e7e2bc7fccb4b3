import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's calendar subscription (a hashed token, one per person) and the sent-marker of the
 * reminder emailed the day before each meeting: one row per meeting and enrollment, so however
 * many workers sweep, each trainee gets one reminder per meeting.
 */
export class CalendarFeedsAndMeetingReminders1796542110000 implements MigrationInterface {
  name = 'CalendarFeedsAndMeetingReminders1796542110000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE calendar_feed (
        user_id uuid NOT NULL,
        token_hash varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT calendar_feed_pkey PRIMARY KEY (user_id),
        CONSTRAINT calendar_feed_user_id_fkey FOREIGN KEY (user_id)
          REFERENCES users (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX calendar_feed_token_hash_key ON calendar_feed (token_hash)`,
    );
    await queryRunner.query(`
      CREATE TABLE meeting_reminder (
        meeting_id uuid NOT NULL,
        enrollment_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meeting_reminder_pkey PRIMARY KEY (meeting_id, enrollment_id),
        CONSTRAINT meeting_reminder_meeting_id_fkey FOREIGN KEY (meeting_id)
          REFERENCES session_meeting (id) ON DELETE CASCADE,
        CONSTRAINT meeting_reminder_enrollment_id_fkey FOREIGN KEY (enrollment_id)
          REFERENCES enrollment (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX meeting_reminder_enrollment_id_idx ON meeting_reminder (enrollment_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE meeting_reminder`);
    await queryRunner.query(`DROP TABLE calendar_feed`);
  }
}
