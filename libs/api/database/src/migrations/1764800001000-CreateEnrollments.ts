import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enrollments (a person in a session) with their baseline, module progress and attendance.
 * One enrollment per person and session unless withdrawn (partial unique index); waitlist
 * tickets are distinct per session. Seats are counted on `course_session.confirmed_count`.
 */
export class CreateEnrollments1764800001000 implements MigrationInterface {
  name = 'CreateEnrollments1764800001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE enrollment (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL,
        user_id uuid NOT NULL,
        status varchar(16) NOT NULL,
        waitlist_ticket integer,
        baseline_situation varchar(16) NOT NULL,
        education_level varchar(16) NOT NULL,
        region_code varchar(5),
        enrolled_by uuid NOT NULL,
        enrolled_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        confirmed_at timestamptz,
        approved_by uuid,
        approved_at timestamptz,
        withdrawn_by uuid,
        withdrawn_at timestamptz,
        withdrawal_reason varchar(20),
        completed_on date,
        validated_by uuid,
        validated_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT enrollment_pkey PRIMARY KEY (id),
        CONSTRAINT enrollment_session_id_fkey FOREIGN KEY (session_id) REFERENCES course_session (id) ON DELETE RESTRICT,
        CONSTRAINT enrollment_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT enrollment_region_code_fkey FOREIGN KEY (region_code) REFERENCES region (code) ON DELETE RESTRICT,
        CONSTRAINT enrollment_enrolled_by_fkey FOREIGN KEY (enrolled_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT enrollment_approved_by_fkey FOREIGN KEY (approved_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT enrollment_withdrawn_by_fkey FOREIGN KEY (withdrawn_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT enrollment_validated_by_fkey FOREIGN KEY (validated_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT enrollment_status_check CHECK (status IN ('pending', 'confirmed', 'waitlisted', 'withdrawn', 'completed', 'not_completed')),
        CONSTRAINT enrollment_baseline_situation_check CHECK (baseline_situation IN ('employed', 'self_employed', 'seeking', 'student', 'inactive')),
        CONSTRAINT enrollment_education_level_check CHECK (education_level IN ('none', 'primary', 'secondary', 'baccalaureate', 'bac_plus_2', 'licence', 'master', 'doctorate')),
        CONSTRAINT enrollment_waitlist_check CHECK ((status = 'waitlisted') = (waitlist_ticket IS NOT NULL) AND (waitlist_ticket IS NULL OR waitlist_ticket >= 1)),
        CONSTRAINT enrollment_withdrawn_check CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL AND withdrawal_reason IS NOT NULL)),
        CONSTRAINT enrollment_withdrawal_reason_check CHECK (withdrawal_reason IN ('trainee', 'staff', 'rejected', 'session_cancelled')),
        CONSTRAINT enrollment_completed_check CHECK ((status = 'completed') = (completed_on IS NOT NULL)),
        CONSTRAINT enrollment_validated_check CHECK (status NOT IN ('completed', 'not_completed') OR validated_at IS NOT NULL)
      )`);
    // One enrollment per person and session, unless withdrawn (they may enroll again).
    await queryRunner.query(
      `CREATE UNIQUE INDEX enrollment_active_key ON enrollment (session_id, user_id) WHERE status <> 'withdrawn'`,
    );
    // Distinct waitlist places; the first of the queue is the lowest ticket.
    await queryRunner.query(
      `CREATE UNIQUE INDEX enrollment_waitlist_key ON enrollment (session_id, waitlist_ticket) WHERE waitlist_ticket IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX enrollment_session_id_status_idx ON enrollment (session_id, status, enrolled_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX enrollment_user_id_idx ON enrollment (user_id, enrolled_at DESC)`,
    );
    // The indicators count completions by date.
    await queryRunner.query(
      `CREATE INDEX enrollment_completed_on_idx ON enrollment (completed_on) WHERE status = 'completed'`,
    );

    await queryRunner.query(`
      CREATE TABLE module_progress (
        enrollment_id uuid NOT NULL,
        module_id uuid NOT NULL,
        completed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT module_progress_pkey PRIMARY KEY (enrollment_id, module_id),
        CONSTRAINT module_progress_enrollment_id_fkey FOREIGN KEY (enrollment_id) REFERENCES enrollment (id) ON DELETE CASCADE,
        CONSTRAINT module_progress_module_id_fkey FOREIGN KEY (module_id) REFERENCES course_module (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX module_progress_module_id_idx ON module_progress (module_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE attendance_mark (
        meeting_id uuid NOT NULL,
        enrollment_id uuid NOT NULL,
        present boolean NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT attendance_mark_pkey PRIMARY KEY (meeting_id, enrollment_id),
        CONSTRAINT attendance_mark_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES session_meeting (id) ON DELETE CASCADE,
        CONSTRAINT attendance_mark_enrollment_id_fkey FOREIGN KEY (enrollment_id) REFERENCES enrollment (id) ON DELETE CASCADE,
        CONSTRAINT attendance_mark_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES users (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX attendance_mark_enrollment_id_idx ON attendance_mark (enrollment_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE attendance_mark`);
    await queryRunner.query(`DROP TABLE module_progress`);
    await queryRunner.query(`DROP TABLE enrollment`);
  }
}
