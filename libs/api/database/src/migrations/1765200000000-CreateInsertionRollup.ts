import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The insertion indicator's rollup (libs/api/indicators): one row per qualifying completion
 * (completed, certificate not revoked) with the person's attributes and, per horizon (6, 9, 12
 * months), whether the person was inserted, employed and had responded on that completion's
 * reference date, and the kind of situation that decided it. The dashboard aggregates these rows
 * instead of joining enrollments, sessions, users and placement versions on every request.
 *
 * `prev_completed_on` is the person's previous qualifying completion (same order as the engine:
 * completion date, session start, enrollment id), so "the person's earliest completion in
 * [from, to]" is a plain filter: `completed_on BETWEEN from AND to AND (prev_completed_on IS NULL
 * OR prev_completed_on < from)` — no DISTINCT per request.
 *
 * `prev_completed_on` splits the rows into first completions and later ones (two indexes).
 *
 * The worker rebuilds the rows in one transaction (readers keep the previous snapshot);
 * `indicator_rollup_state` says when, so the API can show how fresh the figures are.
 */
/** What the dashboard's aggregate reads of a rollup row, besides `completed_on`. */
const ROLLUP_READ_COLUMNS = [
  'region_code',
  'gender',
  'age_band',
  'education_level',
  'course_id',
  'session_id',
  ...[6, 9, 12].flatMap((h) => [
    `ref_on_${h}`,
    `inserted_${h}`,
    `employed_${h}`,
    `responded_${h}`,
    `kind_${h}`,
  ]),
].join(', ');

export class CreateInsertionRollup1765200000000 implements MigrationInterface {
  name = 'CreateInsertionRollup1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE insertion_rollup (
        enrollment_id uuid NOT NULL,
        user_id uuid NOT NULL,
        completed_on date NOT NULL,
        prev_completed_on date,
        training_start date NOT NULL,
        course_id uuid NOT NULL,
        session_id uuid NOT NULL,
        region_code varchar(5),
        gender varchar(6),
        age_band varchar(8),
        education_level varchar(16) NOT NULL,
        ref_on_6 date NOT NULL,
        ref_on_9 date NOT NULL,
        ref_on_12 date NOT NULL,
        inserted_6 boolean NOT NULL,
        employed_6 boolean NOT NULL,
        responded_6 boolean NOT NULL,
        kind_6 varchar(24) NOT NULL,
        inserted_9 boolean NOT NULL,
        employed_9 boolean NOT NULL,
        responded_9 boolean NOT NULL,
        kind_9 varchar(24) NOT NULL,
        inserted_12 boolean NOT NULL,
        employed_12 boolean NOT NULL,
        responded_12 boolean NOT NULL,
        kind_12 varchar(24) NOT NULL,
        CONSTRAINT insertion_rollup_pkey PRIMARY KEY (enrollment_id)
      )`);
    // The reference rows of a period are read through two indexes instead of the whole table:
    // first completions (`prev_completed_on IS NULL`, about 40 % of the rows) in a covering
    // partial index, so the usual dashboard query is an index-only scan of what it aggregates;
    // later completions by their previous one, for periods that start after it.
    await queryRunner.query(
      `CREATE INDEX insertion_rollup_first_idx ON insertion_rollup (completed_on) INCLUDE (${ROLLUP_READ_COLUMNS}) WHERE prev_completed_on IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX insertion_rollup_prev_idx ON insertion_rollup (prev_completed_on, completed_on) WHERE prev_completed_on IS NOT NULL`,
    );
    // The live query at a past `asOf` reads the version that was current then, which the
    // placements' partial indexes (current versions only) cannot serve: validated versions of a
    // person by start, whatever became of them since.
    await queryRunner.query(
      `CREATE INDEX placement_version_validated_history_idx ON placement_version (user_id, start_on) INCLUDE (end_on, kind, validated_at, created_at, superseded_at) WHERE validated_at IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE indicator_rollup_state (
        name varchar(40) NOT NULL,
        refreshed_at timestamptz NOT NULL,
        signature text NOT NULL,
        row_count integer NOT NULL,
        duration_ms integer NOT NULL,
        CONSTRAINT indicator_rollup_state_pkey PRIMARY KEY (name)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE indicator_rollup_state`);
    await queryRunner.query(`DROP INDEX placement_version_validated_history_idx`);
    await queryRunner.query(`DROP TABLE insertion_rollup`);
  }
}
