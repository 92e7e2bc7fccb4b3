import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificates: one per completed enrollment (unique `enrollment_id`), a gapless serial per year
 * from `certificate_serial`, a random verification code, and a snapshot of every printed value
 * so that editing the course or the person later never changes an issued certificate. Rendering
 * is tracked on the row (state, attempts, error, SHA-256, storage key); the email sent with the
 * PDF is the outbox row `email_outbox_id`. A certificate is never deleted: revocation is a status.
 *
 * Batches (`certificate_batch`) record who issued a session at once and which certificates that
 * covered (`certificate_batch_item`); their progress is counted from the certificates themselves,
 * so it survives worker restarts.
 *
 * The email outbox gains `attachments`: files referenced by storage key, read when the email is
 * sent, never copied into the database.
 */
export class CreateCertificates1764900000000 implements MigrationInterface {
  name = 'CreateCertificates1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE email_outbox ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'::jsonb`,
    );
    await queryRunner.query(`
      CREATE TABLE certificate_serial (
        year smallint NOT NULL,
        last_value integer NOT NULL,
        CONSTRAINT certificate_serial_pkey PRIMARY KEY (year),
        CONSTRAINT certificate_serial_year_check CHECK (year BETWEEN 2000 AND 9999),
        CONSTRAINT certificate_serial_last_value_check CHECK (last_value >= 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE certificate (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL,
        user_id uuid NOT NULL,
        session_id uuid NOT NULL,
        serial varchar(24) NOT NULL,
        verification_code varchar(64) NOT NULL,
        holder_name varchar(120) NOT NULL,
        holder_name_ar varchar(120),
        course_title varchar(200) NOT NULL,
        hours smallint NOT NULL,
        session_starts_on date NOT NULL,
        session_ends_on date NOT NULL,
        region_code varchar(5) NOT NULL,
        region_name varchar(80) NOT NULL,
        region_name_ar varchar(80) NOT NULL,
        completed_on date NOT NULL,
        locale varchar(2) NOT NULL,
        issued_by uuid NOT NULL,
        issued_on date NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        status varchar(8) NOT NULL DEFAULT 'valid',
        revoked_at timestamptz,
        revoked_by uuid,
        revoked_reason varchar(500),
        render_state varchar(8) NOT NULL DEFAULT 'pending',
        render_attempts integer NOT NULL DEFAULT 0,
        render_error text,
        render_enqueued_at timestamptz,
        rendered_at timestamptz,
        sha256 char(64),
        storage_key varchar(200),
        email_outbox_id uuid,
        CONSTRAINT certificate_pkey PRIMARY KEY (id),
        CONSTRAINT certificate_enrollment_id_key UNIQUE (enrollment_id),
        CONSTRAINT certificate_serial_key UNIQUE (serial),
        CONSTRAINT certificate_verification_code_key UNIQUE (verification_code),
        CONSTRAINT certificate_enrollment_id_fkey FOREIGN KEY (enrollment_id) REFERENCES enrollment (id) ON DELETE RESTRICT,
        CONSTRAINT certificate_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT certificate_session_id_fkey FOREIGN KEY (session_id) REFERENCES course_session (id) ON DELETE RESTRICT,
        CONSTRAINT certificate_region_code_fkey FOREIGN KEY (region_code) REFERENCES region (code) ON DELETE RESTRICT,
        CONSTRAINT certificate_issued_by_fkey FOREIGN KEY (issued_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT certificate_revoked_by_fkey FOREIGN KEY (revoked_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT certificate_email_outbox_id_fkey FOREIGN KEY (email_outbox_id) REFERENCES email_outbox (id) ON DELETE SET NULL,
        CONSTRAINT certificate_serial_check CHECK (serial ~ '^ORIS-[0-9]{4}-[0-9]{6,}$'),
        CONSTRAINT certificate_verification_code_check CHECK (verification_code ~ '^[A-Za-z0-9_-]{22,64}$'),
        CONSTRAINT certificate_hours_check CHECK (hours > 0),
        CONSTRAINT certificate_dates_check CHECK (session_starts_on <= session_ends_on),
        CONSTRAINT certificate_locale_check CHECK (locale IN ('fr', 'ar', 'en')),
        CONSTRAINT certificate_status_check CHECK (status IN ('valid', 'revoked')),
        CONSTRAINT certificate_revoked_check CHECK ((status = 'revoked') = (revoked_at IS NOT NULL AND revoked_by IS NOT NULL AND revoked_reason IS NOT NULL)),
        CONSTRAINT certificate_render_state_check CHECK (render_state IN ('pending', 'rendered', 'failed')),
        CONSTRAINT certificate_rendered_check CHECK ((render_state = 'rendered') = (sha256 IS NOT NULL AND storage_key IS NOT NULL AND rendered_at IS NOT NULL)),
        CONSTRAINT certificate_sha256_check CHECK (sha256 IS NULL OR sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT certificate_render_attempts_check CHECK (render_attempts >= 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX certificate_user_id_idx ON certificate (user_id, issued_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX certificate_session_id_idx ON certificate (session_id, status)`,
    );
    await queryRunner.query(
      `CREATE INDEX certificate_issued_at_idx ON certificate (issued_at DESC)`,
    );
    // The sweeper only ever looks for renders still to do.
    await queryRunner.query(
      `CREATE INDEX certificate_render_pending_idx ON certificate (issued_at) WHERE render_state = 'pending'`,
    );

    await queryRunner.query(`
      CREATE TABLE certificate_batch (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL,
        started_by uuid NOT NULL,
        total integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT certificate_batch_pkey PRIMARY KEY (id),
        CONSTRAINT certificate_batch_session_id_fkey FOREIGN KEY (session_id) REFERENCES course_session (id) ON DELETE RESTRICT,
        CONSTRAINT certificate_batch_started_by_fkey FOREIGN KEY (started_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT certificate_batch_total_check CHECK (total >= 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX certificate_batch_session_id_idx ON certificate_batch (session_id, created_at DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE certificate_batch_item (
        batch_id uuid NOT NULL,
        certificate_id uuid NOT NULL,
        CONSTRAINT certificate_batch_item_pkey PRIMARY KEY (batch_id, certificate_id),
        CONSTRAINT certificate_batch_item_batch_id_fkey FOREIGN KEY (batch_id) REFERENCES certificate_batch (id) ON DELETE CASCADE,
        CONSTRAINT certificate_batch_item_certificate_id_fkey FOREIGN KEY (certificate_id) REFERENCES certificate (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX certificate_batch_item_certificate_id_idx ON certificate_batch_item (certificate_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE certificate_batch_item`);
    await queryRunner.query(`DROP TABLE certificate_batch`);
    await queryRunner.query(`DROP TABLE certificate`);
    await queryRunner.query(`DROP TABLE certificate_serial`);
    await queryRunner.query(`ALTER TABLE email_outbox DROP COLUMN attachments`);
  }
}
