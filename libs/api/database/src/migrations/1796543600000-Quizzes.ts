import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quizzes in modules (issue 18): a question bank per course, one quiz per module, attempts with
 * their drawn questions frozen at start, and one answer row per question of an attempt.
 *
 * A question's `key` holds what makes an answer right (options and the correct ones, accepted
 * answers, value and tolerance, pairs): the API never sends it to a trainee before the quiz's
 * review policy allows. A question used by an attempt cannot be deleted (answers reference it);
 * it can be fixed, and the attempts regraded.
 */
export class Quizzes1796543600000 implements MigrationInterface {
  name = 'Quizzes1796543600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE quiz_question (
        id uuid CONSTRAINT quiz_question_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL CONSTRAINT quiz_question_course_id_fkey REFERENCES course (id) ON DELETE CASCADE,
        type varchar(20) NOT NULL CONSTRAINT quiz_question_type_check
          CHECK (type IN ('single_choice', 'multiple_choice', 'true_false', 'short_answer', 'numeric', 'matching')),
        text varchar(2000) NOT NULL CONSTRAINT quiz_question_text_check CHECK (length(btrim(text)) > 0),
        feedback varchar(2000) NOT NULL DEFAULT '',
        tags varchar(40)[] NOT NULL DEFAULT '{}' CONSTRAINT quiz_question_tags_check CHECK (cardinality(tags) <= 10),
        points smallint NOT NULL CONSTRAINT quiz_question_points_check CHECK (points BETWEEN 1 AND 100),
        key jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_by uuid CONSTRAINT quiz_question_created_by_fkey REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX quiz_question_course_id_idx ON quiz_question (course_id, created_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE quiz (
        id uuid CONSTRAINT quiz_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL CONSTRAINT quiz_course_id_fkey REFERENCES course (id) ON DELETE CASCADE,
        module_id uuid NOT NULL CONSTRAINT quiz_module_id_fkey REFERENCES course_module (id) ON DELETE CASCADE,
        title varchar(200) NOT NULL CONSTRAINT quiz_title_check CHECK (length(btrim(title)) > 0),
        draw_count smallint CONSTRAINT quiz_draw_count_check CHECK (draw_count BETWEEN 1 AND 200),
        draw_tags varchar(40)[] NOT NULL DEFAULT '{}',
        shuffle_options boolean NOT NULL DEFAULT true,
        attempts_allowed smallint NOT NULL DEFAULT 1 CONSTRAINT quiz_attempts_allowed_check CHECK (attempts_allowed BETWEEN 1 AND 20),
        time_limit_minutes smallint CONSTRAINT quiz_time_limit_minutes_check CHECK (time_limit_minutes BETWEEN 1 AND 600),
        pass_mark_percent smallint NOT NULL CONSTRAINT quiz_pass_mark_percent_check CHECK (pass_mark_percent BETWEEN 0 AND 100),
        review_policy varchar(20) NOT NULL CONSTRAINT quiz_review_policy_check
          CHECK (review_policy IN ('immediately', 'after_last_attempt', 'after_due', 'never')),
        grading_method varchar(10) NOT NULL CONSTRAINT quiz_grading_method_check
          CHECK (grading_method IN ('highest', 'last', 'average')),
        closes_at timestamptz,
        required_for_completion boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT quiz_module_id_key UNIQUE (module_id),
        CONSTRAINT quiz_after_due_check CHECK (review_policy <> 'after_due' OR closes_at IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX quiz_course_id_idx ON quiz (course_id)`);

    await queryRunner.query(`
      CREATE TABLE quiz_attempt (
        id uuid CONSTRAINT quiz_attempt_pkey PRIMARY KEY DEFAULT gen_random_uuid(),
        quiz_id uuid NOT NULL CONSTRAINT quiz_attempt_quiz_id_fkey REFERENCES quiz (id) ON DELETE CASCADE,
        enrollment_id uuid NOT NULL CONSTRAINT quiz_attempt_enrollment_id_fkey REFERENCES enrollment (id) ON DELETE CASCADE,
        user_id uuid NOT NULL CONSTRAINT quiz_attempt_user_id_fkey REFERENCES users (id) ON DELETE CASCADE,
        number smallint NOT NULL CONSTRAINT quiz_attempt_number_check CHECK (number >= 1),
        seed bigint NOT NULL CONSTRAINT quiz_attempt_seed_check CHECK (seed BETWEEN 0 AND 4294967295),
        drawn jsonb NOT NULL,
        started_at timestamptz NOT NULL,
        deadline_at timestamptz,
        submitted_at timestamptz,
        closed_by varchar(10) CONSTRAINT quiz_attempt_closed_by_check CHECK (closed_by IN ('trainee', 'deadline')),
        score numeric(8, 2),
        max_score numeric(8, 2),
        percent numeric(5, 2),
        CONSTRAINT quiz_attempt_quiz_id_user_id_number_key UNIQUE (quiz_id, user_id, number),
        CONSTRAINT quiz_attempt_submitted_check CHECK (
          (submitted_at IS NULL) = (closed_by IS NULL) AND (submitted_at IS NULL) = (percent IS NULL))
      )`);
    // One attempt in progress per trainee and quiz: starting twice resumes it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX quiz_attempt_in_progress_key ON quiz_attempt (quiz_id, user_id) WHERE submitted_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX quiz_attempt_enrollment_id_idx ON quiz_attempt (enrollment_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE quiz_answer (
        attempt_id uuid NOT NULL CONSTRAINT quiz_answer_attempt_id_fkey REFERENCES quiz_attempt (id) ON DELETE CASCADE,
        question_id uuid NOT NULL CONSTRAINT quiz_answer_question_id_fkey REFERENCES quiz_question (id) ON DELETE RESTRICT,
        response jsonb,
        saved_at timestamptz NOT NULL DEFAULT now(),
        score numeric(8, 2),
        max_score numeric(8, 2),
        CONSTRAINT quiz_answer_pkey PRIMARY KEY (attempt_id, question_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX quiz_answer_question_id_idx ON quiz_answer (question_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE quiz_answer`);
    await queryRunner.query(`DROP TABLE quiz_attempt`);
    await queryRunner.query(`DROP TABLE quiz`);
    await queryRunner.query(`DROP TABLE quiz_question`);
  }
}
