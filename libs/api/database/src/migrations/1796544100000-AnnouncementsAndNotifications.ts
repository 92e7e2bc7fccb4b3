import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Announcements to a session and the in-app notification centre (issue 18).
 *
 * - `notification`: one line of a person's notification centre, whatever the feature that posts
 *   it (`NotificationCentre`, libs/api/notifications): a `kind` the web words with ICU messages
 *   from `params`, an in-app `link` (a path), the object it is about (`subject_id`: posting twice
 *   about the same object is a no-op, withdrawing it removes the lines), and when it was read.
 * - `announcement`: what a session's staff write to its trainees. `email_state` makes the row
 *   the outbox of its email fan-out: `pending` until the worker has written one email per
 *   recipient (`sent`), `none` when the author did not ask for email.
 * - `session_email_mute`: a trainee who wants no announcement email from one session.
 * - `announcement_unsubscribe`: the one-click unsubscribe link of the last announcement email a
 *   trainee got from a session; only the token's SHA-256 is kept, and using it deletes the row.
 */
export class AnnouncementsAndNotifications1796544100000 implements MigrationInterface {
  name = 'AnnouncementsAndNotifications1796544100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL CONSTRAINT notification_user_id_fkey REFERENCES users (id) ON DELETE CASCADE,
        kind varchar(64) NOT NULL,
        params jsonb NOT NULL DEFAULT '{}'::jsonb,
        link varchar(500),
        subject_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notification_link_check CHECK (link IS NULL OR link ~ '^/[^/]')
      )`);
    await queryRunner.query(
      `CREATE INDEX notification_user_id_created_at_idx ON notification (user_id, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX notification_subject_key ON notification (subject_id, kind, user_id)
        WHERE subject_id IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE announcement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL CONSTRAINT announcement_session_id_fkey REFERENCES course_session (id) ON DELETE CASCADE,
        author_id uuid CONSTRAINT announcement_author_id_fkey REFERENCES users (id) ON DELETE SET NULL,
        title varchar(200) NOT NULL,
        body text NOT NULL,
        by_email boolean NOT NULL,
        email_state varchar(16) NOT NULL,
        email_enqueued_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        CONSTRAINT announcement_body_check CHECK (length(body) BETWEEN 1 AND 10000),
        CONSTRAINT announcement_email_state_check CHECK (
          email_state IN ('none', 'pending', 'sent') AND (by_email = (email_state <> 'none'))
        )
      )`);
    await queryRunner.query(
      `CREATE INDEX announcement_session_id_created_at_idx ON announcement (session_id, created_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX announcement_email_pending_idx ON announcement (created_at) WHERE email_state = 'pending'`,
    );

    await queryRunner.query(`
      CREATE TABLE session_email_mute (
        user_id uuid NOT NULL CONSTRAINT session_email_mute_user_id_fkey REFERENCES users (id) ON DELETE CASCADE,
        session_id uuid NOT NULL CONSTRAINT session_email_mute_session_id_fkey REFERENCES course_session (id) ON DELETE CASCADE,
        muted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, session_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE announcement_unsubscribe (
        user_id uuid NOT NULL CONSTRAINT announcement_unsubscribe_user_id_fkey REFERENCES users (id) ON DELETE CASCADE,
        session_id uuid NOT NULL CONSTRAINT announcement_unsubscribe_session_id_fkey REFERENCES course_session (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL CONSTRAINT announcement_unsubscribe_token_hash_key UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, session_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE announcement_unsubscribe`);
    await queryRunner.query(`DROP TABLE session_email_mute`);
    await queryRunner.query(`DROP TABLE announcement`);
    await queryRunner.query(`DROP TABLE notification`);
  }
}
