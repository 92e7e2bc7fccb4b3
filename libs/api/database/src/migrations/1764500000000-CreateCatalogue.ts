import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The training catalogue: courses with their owners, ordered modules, and sessions (cohorts)
 * with their trainers and meetings. `course_session.confirmed_count` is the seat counter the
 * enrollment feature keeps under the session's row lock; its CHECK makes overbooking impossible.
 */
export class CreateCatalogue1764500000000 implements MigrationInterface {
  name = 'CreateCatalogue1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Trigram index for the catalogue search (pg_trgm is a trusted extension since PostgreSQL 13).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE TABLE course (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code varchar(20) NOT NULL,
        title varchar(200) NOT NULL,
        summary varchar(500) NOT NULL,
        description text NOT NULL DEFAULT '',
        description_html text NOT NULL DEFAULT '',
        theme varchar(32) NOT NULL,
        languages varchar(2)[] NOT NULL,
        delivery_mode varchar(16) NOT NULL,
        duration_hours smallint NOT NULL,
        learning_outcomes text[] NOT NULL DEFAULT '{}',
        requires_modules boolean NOT NULL DEFAULT true,
        min_attendance_percent smallint,
        requires_trainer_validation boolean NOT NULL DEFAULT false,
        status varchar(16) NOT NULL DEFAULT 'draft',
        published_at timestamptz,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT course_pkey PRIMARY KEY (id),
        CONSTRAINT course_code_key UNIQUE (code),
        CONSTRAINT course_code_check CHECK (code ~ '^[A-Z0-9]{1,10}(-[A-Z0-9]{1,10}){0,3}$'),
        CONSTRAINT course_theme_check CHECK (theme IN ('social_entrepreneurship', 'project_engineering',
          'impact_measurement', 'cooperatives', 'territorial_design', 'advocacy_partnerships',
          'digital_inclusion', 'other')),
        CONSTRAINT course_languages_check CHECK (cardinality(languages) BETWEEN 1 AND 3
          AND languages <@ ARRAY['fr', 'ar', 'en']::varchar[]),
        CONSTRAINT course_delivery_mode_check CHECK (delivery_mode IN ('in_person', 'online', 'blended')),
        CONSTRAINT course_duration_hours_check CHECK (duration_hours BETWEEN 1 AND 1000),
        CONSTRAINT course_min_attendance_percent_check CHECK (min_attendance_percent BETWEEN 0 AND 100),
        CONSTRAINT course_status_check CHECK (status IN ('draft', 'published', 'archived')),
        CONSTRAINT course_published_at_check CHECK (status <> 'published' OR published_at IS NOT NULL)
      )`);
    // The public catalogue: published courses, newest first, filtered by theme or mode.
    await queryRunner.query(
      `CREATE INDEX course_published_idx ON course (published_at DESC, id) WHERE status = 'published'`,
    );
    await queryRunner.query(
      `CREATE INDEX course_theme_idx ON course (theme, published_at DESC) WHERE status = 'published'`,
    );
    await queryRunner.query(
      `CREATE INDEX course_delivery_mode_idx ON course (delivery_mode, published_at DESC) WHERE status = 'published'`,
    );
    // Same expression as the search in the catalogue query, so ILIKE '%…%' can use it.
    await queryRunner.query(
      `CREATE INDEX course_search_idx ON course USING gin ((code || ' ' || title || ' ' || summary) gin_trgm_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE course_owner (
        course_id uuid NOT NULL,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT course_owner_pkey PRIMARY KEY (course_id, user_id),
        CONSTRAINT course_owner_course_id_fkey FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
        CONSTRAINT course_owner_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX course_owner_user_id_idx ON course_owner (user_id)`);

    await queryRunner.query(`
      CREATE TABLE course_module (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL,
        position integer NOT NULL,
        title varchar(200) NOT NULL,
        content text NOT NULL DEFAULT '',
        content_html text NOT NULL DEFAULT '',
        estimated_minutes integer NOT NULL,
        resources jsonb NOT NULL DEFAULT '[]',
        required boolean NOT NULL DEFAULT true,
        status varchar(16) NOT NULL DEFAULT 'draft',
        published_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT course_module_pkey PRIMARY KEY (id),
        CONSTRAINT course_module_course_id_fkey FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
        -- Deferrable: a reorder is one UPDATE, checked at the end of the statement.
        CONSTRAINT course_module_course_id_position_key UNIQUE (course_id, position) DEFERRABLE INITIALLY IMMEDIATE,
        CONSTRAINT course_module_position_check CHECK (position >= 1),
        CONSTRAINT course_module_estimated_minutes_check CHECK (estimated_minutes BETWEEN 1 AND 6000),
        CONSTRAINT course_module_status_check CHECK (status IN ('draft', 'published')),
        CONSTRAINT course_module_published_at_check CHECK (status <> 'published' OR published_at IS NOT NULL)
      )`);

    await queryRunner.query(`
      CREATE TABLE course_session (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL,
        title varchar(200) NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        region_code varchar(5) NOT NULL,
        venue varchar(300),
        online_url varchar(2000),
        capacity integer NOT NULL,
        confirmed_count integer NOT NULL DEFAULT 0,
        enrollment_opens_on date NOT NULL,
        enrollment_closes_on date NOT NULL,
        approval_required boolean NOT NULL DEFAULT false,
        status varchar(16) NOT NULL DEFAULT 'planned',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT course_session_pkey PRIMARY KEY (id),
        CONSTRAINT course_session_course_id_fkey FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE RESTRICT,
        CONSTRAINT course_session_region_code_fkey FOREIGN KEY (region_code) REFERENCES region (code) ON DELETE RESTRICT,
        CONSTRAINT course_session_capacity_check CHECK (capacity BETWEEN 1 AND 1000),
        CONSTRAINT course_session_confirmed_count_check CHECK (confirmed_count >= 0 AND confirmed_count <= capacity),
        CONSTRAINT course_session_dates_check CHECK (ends_on >= starts_on),
        CONSTRAINT course_session_enrollment_window_check CHECK (enrollment_opens_on <= enrollment_closes_on
          AND enrollment_closes_on <= ends_on),
        CONSTRAINT course_session_place_check CHECK (venue IS NOT NULL OR online_url IS NOT NULL),
        CONSTRAINT course_session_status_check CHECK (status IN ('planned', 'open', 'running', 'completed', 'cancelled'))
      )`);
    await queryRunner.query(
      `CREATE INDEX course_session_course_id_starts_on_idx ON course_session (course_id, starts_on)`,
    );
    await queryRunner.query(
      `CREATE INDEX course_session_region_code_starts_on_idx ON course_session (region_code, starts_on)`,
    );

    await queryRunner.query(`
      CREATE TABLE session_trainer (
        session_id uuid NOT NULL,
        user_id uuid NOT NULL,
        CONSTRAINT session_trainer_pkey PRIMARY KEY (session_id, user_id),
        CONSTRAINT session_trainer_session_id_fkey FOREIGN KEY (session_id) REFERENCES course_session (id) ON DELETE CASCADE,
        CONSTRAINT session_trainer_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE INDEX session_trainer_user_id_idx ON session_trainer (user_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE session_meeting (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        label varchar(120),
        CONSTRAINT session_meeting_pkey PRIMARY KEY (id),
        CONSTRAINT session_meeting_session_id_fkey FOREIGN KEY (session_id) REFERENCES course_session (id) ON DELETE CASCADE,
        CONSTRAINT session_meeting_times_check CHECK (ends_at > starts_at)
      )`);
    await queryRunner.query(
      `CREATE INDEX session_meeting_session_id_starts_at_idx ON session_meeting (session_id, starts_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE session_meeting`);
    await queryRunner.query(`DROP TABLE session_trainer`);
    await queryRunner.query(`DROP TABLE course_session`);
    await queryRunner.query(`DROP TABLE course_module`);
    await queryRunner.query(`DROP TABLE course_owner`);
    await queryRunner.query(`DROP TABLE course`);
    // pg_trgm stays: other tables may index with it, and dropping an extension needs more rights.
  }
}
