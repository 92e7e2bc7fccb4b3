import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assignments in modules (issue 18): one assignment per module with its instructions, due date,
 * late policy, accepted submission kinds and its grading (a rubric kept as a document on the
 * assignment, or a plain mark); one submission per trainee and assignment, which goes from draft
 * to submitted, back to the trainee when returned, and to graded when the feedback is published;
 * the files of a submission and of its feedback, stored through the file storage under their
 * SHA-256.
 */
export class Assignments1796543900000 implements MigrationInterface {
  name = 'Assignments1796543900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE assignment (
        id uuid CONSTRAINT assignment_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL CONSTRAINT assignment_course_id_fkey REFERENCES course (id) ON DELETE CASCADE,
        module_id uuid NOT NULL CONSTRAINT assignment_module_id_fkey REFERENCES course_module (id) ON DELETE CASCADE,
        title varchar(200) NOT NULL CONSTRAINT assignment_title_check CHECK (length(btrim(title)) > 0),
        instructions varchar(20000) NOT NULL DEFAULT '',
        due_at timestamptz,
        late_policy varchar(10) NOT NULL CONSTRAINT assignment_late_policy_check
          CHECK (late_policy IN ('accept', 'mark_late', 'refuse')),
        late_penalty_percent smallint CONSTRAINT assignment_late_penalty_percent_check
          CHECK (late_penalty_percent BETWEEN 1 AND 100),
        accepts_text boolean NOT NULL,
        accepts_files boolean NOT NULL,
        file_kinds varchar(10)[] NOT NULL DEFAULT '{}',
        max_file_bytes integer NOT NULL CONSTRAINT assignment_max_file_bytes_check
          CHECK (max_file_bytes BETWEEN 1024 AND 20971520),
        max_files smallint NOT NULL CONSTRAINT assignment_max_files_check CHECK (max_files BETWEEN 1 AND 10),
        grading varchar(10) NOT NULL CONSTRAINT assignment_grading_check CHECK (grading IN ('rubric', 'mark')),
        rubric jsonb,
        max_mark numeric(7, 2) CONSTRAINT assignment_max_mark_check CHECK (max_mark > 0 AND max_mark <= 1000),
        pass_mark_percent smallint NOT NULL CONSTRAINT assignment_pass_mark_percent_check
          CHECK (pass_mark_percent BETWEEN 0 AND 100),
        required_for_completion boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assignment_module_id_key UNIQUE (module_id),
        CONSTRAINT assignment_kinds_check CHECK (accepts_text OR (accepts_files AND cardinality(file_kinds) > 0)),
        CONSTRAINT assignment_grading_shape_check CHECK (
          (grading = 'rubric' AND rubric IS NOT NULL AND max_mark IS NULL) OR
          (grading = 'mark' AND rubric IS NULL AND max_mark IS NOT NULL)),
        CONSTRAINT assignment_penalty_check CHECK (late_penalty_percent IS NULL OR late_policy = 'mark_late')
      )`);
    await queryRunner.query(`CREATE INDEX assignment_course_id_idx ON assignment (course_id)`);

    await queryRunner.query(`
      CREATE TABLE assignment_submission (
        id uuid CONSTRAINT assignment_submission_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL CONSTRAINT assignment_submission_assignment_id_fkey REFERENCES assignment (id) ON DELETE CASCADE,
        enrollment_id uuid NOT NULL CONSTRAINT assignment_submission_enrollment_id_fkey REFERENCES enrollment (id) ON DELETE CASCADE,
        user_id uuid NOT NULL CONSTRAINT assignment_submission_user_id_fkey REFERENCES users (id) ON DELETE CASCADE,
        status varchar(10) NOT NULL CONSTRAINT assignment_submission_status_check
          CHECK (status IN ('draft', 'submitted', 'returned', 'graded')),
        text varchar(50000) NOT NULL DEFAULT '',
        submission_count smallint NOT NULL DEFAULT 0,
        submitted_at timestamptz,
        late boolean NOT NULL DEFAULT false,
        rubric_levels jsonb,
        points numeric(8, 2),
        max_points numeric(8, 2),
        percent numeric(5, 2),
        feedback varchar(10000) NOT NULL DEFAULT '',
        graded_by uuid CONSTRAINT assignment_submission_graded_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        graded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT assignment_submission_enrollment_key UNIQUE (assignment_id, enrollment_id),
        CONSTRAINT assignment_submission_submitted_check CHECK (status = 'draft' OR submitted_at IS NOT NULL),
        CONSTRAINT assignment_submission_graded_check CHECK (status <> 'graded' OR percent IS NOT NULL)
      )`);
    // The grading queue: a session's submissions by state, oldest first.
    await queryRunner.query(
      `CREATE INDEX assignment_submission_queue_idx ON assignment_submission (assignment_id, status, submitted_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX assignment_submission_enrollment_id_idx ON assignment_submission (enrollment_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE assignment_file (
        id uuid CONSTRAINT assignment_file_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL CONSTRAINT assignment_file_submission_id_fkey REFERENCES assignment_submission (id) ON DELETE CASCADE,
        role varchar(10) NOT NULL CONSTRAINT assignment_file_role_check CHECK (role IN ('submission', 'feedback')),
        name varchar(160) NOT NULL,
        kind varchar(10) NOT NULL,
        size integer NOT NULL CONSTRAINT assignment_file_size_check CHECK (size > 0),
        sha256 char(64) NOT NULL,
        storage_key varchar(300) NOT NULL,
        uploaded_by uuid CONSTRAINT assignment_file_uploaded_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX assignment_file_submission_id_idx ON assignment_file (submission_id, role, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE assignment_file`);
    await queryRunner.query(`DROP TABLE assignment_submission`);
    await queryRunner.query(`DROP TABLE assignment`);
  }
}
