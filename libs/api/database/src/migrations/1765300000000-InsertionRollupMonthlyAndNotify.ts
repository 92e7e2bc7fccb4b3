import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two things for the insertion indicator's rollup (libs/api/indicators):
 *
 * 1. `insertion_rollup_month`, a second level built from the detailed rows at each rebuild: for
 *    first completions only, the persons and those inserted, employed and responded at each
 *    horizon, per month of completion, region and one breakdown attribute (`dimension`:
 *    `total` for none, `gender`, `ageBand`, `education`, `course`, `session`, `kind6|9|12`,
 *    `group_key` its value), with the month's last day and, per horizon, the reference dates of
 *    its first and last days, which say whether the whole month is eligible on a given day. A
 *    dashboard query without a course or session filter sums a few hundred of these rows instead
 *    of one detailed row per person; the months a period bound or the eligibility limit cuts are
 *    still read from the detailed rows, so answers stay exact.
 *    Later completions (`prev_completed_on` set) get a covering index by completion date, and
 *    first completions indexes by course and by session, for the queries the monthly level
 *    cannot answer.
 *
 * 2. An explicit change signal instead of a polled signature: row triggers on what the rollup
 *    reads — completed enrollments, certificate revocations, current validated placement
 *    versions, answered follow-ups, a session's start or course, a person's gender or birth
 *    year — `NOTIFY indicator_sources_changed` with the table's name. PostgreSQL delivers it at
 *    commit (never for a rolled-back change) and folds identical notifications of a transaction
 *    into one, so a bulk import sends one per table. Each trigger's WHEN clause skips the
 *    changes the rollup does not read (a confirmation, a reminder, a login) without calling the
 *    function. The worker LISTENs (see the indicators worker module).
 */

/** Must match `ROLLUP_SOURCES_CHANNEL` in libs/api/indicators (a migration cannot import it). */
const CHANNEL = 'indicator_sources_changed';
const NOTIFY_FUNCTION = 'notify_indicator_sources_changed';

/** The detailed columns the dashboard's aggregate reads, besides `completed_on`. */
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

/** What a query reads of a monthly row, besides the dimension and the month. */
const MONTH_READ_COLUMNS = [
  'region_code',
  'group_key',
  'month_end',
  'persons',
  ...[6, 9, 12].flatMap((h) => [
    `first_ref_on_${h}`,
    `last_ref_on_${h}`,
    `inserted_${h}`,
    `employed_${h}`,
    `responded_${h}`,
  ]),
].join(', ');

/** A current, validated placement version: the only ones the indicator counts. */
const counted = (row: 'OLD' | 'NEW') =>
  `(${row}.validated_at IS NOT NULL AND ${row}.superseded_at IS NULL)`;

/** [table, event, WHEN condition]: a row change that can change the rollup. */
const TRIGGERS: [string, 'INSERT' | 'UPDATE' | 'DELETE', string][] = [
  ['enrollment', 'INSERT', `NEW.status = 'completed'`],
  [
    'enrollment',
    'UPDATE',
    `(OLD.status = 'completed' OR NEW.status = 'completed')
     AND (OLD.status, OLD.completed_on, OLD.session_id, OLD.user_id, OLD.region_code, OLD.education_level)
         IS DISTINCT FROM (NEW.status, NEW.completed_on, NEW.session_id, NEW.user_id, NEW.region_code, NEW.education_level)`,
  ],
  ['enrollment', 'DELETE', `OLD.status = 'completed'`],
  // Issuing a certificate changes nothing; revoking one (or undoing it) does.
  ['certificate', 'INSERT', `NEW.status = 'revoked'`],
  [
    'certificate',
    'UPDATE',
    `(OLD.status, OLD.enrollment_id) IS DISTINCT FROM (NEW.status, NEW.enrollment_id)`,
  ],
  ['certificate', 'DELETE', `OLD.status = 'revoked'`],
  ['placement_version', 'INSERT', counted('NEW')],
  [
    'placement_version',
    'UPDATE',
    `(${counted('OLD')} OR ${counted('NEW')})
     AND (OLD.user_id, OLD.kind, OLD.start_on, OLD.end_on, ${counted('OLD')})
         IS DISTINCT FROM (NEW.user_id, NEW.kind, NEW.start_on, NEW.end_on, ${counted('NEW')})`,
  ],
  ['placement_version', 'DELETE', counted('OLD')],
  ['followup', 'INSERT', `NEW.answered_at IS NOT NULL`],
  [
    'followup',
    'UPDATE',
    `(OLD.answered_at IS NULL, OLD.enrollment_id, OLD.horizon)
     IS DISTINCT FROM (NEW.answered_at IS NULL, NEW.enrollment_id, NEW.horizon)`,
  ],
  ['followup', 'DELETE', `OLD.answered_at IS NOT NULL`],
  // New sessions and people have no completion yet; deleting them cascades to enrollments.
  [
    'course_session',
    'UPDATE',
    `(OLD.starts_on, OLD.course_id) IS DISTINCT FROM (NEW.starts_on, NEW.course_id)`,
  ],
  ['users', 'UPDATE', `(OLD.gender, OLD.birth_year) IS DISTINCT FROM (NEW.gender, NEW.birth_year)`],
];

const TABLES = [...new Set(TRIGGERS.map(([table]) => table))];
const triggerName = (table: string, event: string) =>
  `${table}_indicator_sources_${event.toLowerCase()}`;

export class InsertionRollupMonthlyAndNotify1765300000000 implements MigrationInterface {
  name = 'InsertionRollupMonthlyAndNotify1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE insertion_rollup_month (
        dimension varchar(10) NOT NULL,
        month date NOT NULL,
        region_code varchar(5),
        group_key varchar(36),
        month_end date NOT NULL,
        first_ref_on_6 date NOT NULL,
        last_ref_on_6 date NOT NULL,
        first_ref_on_9 date NOT NULL,
        last_ref_on_9 date NOT NULL,
        first_ref_on_12 date NOT NULL,
        last_ref_on_12 date NOT NULL,
        persons integer NOT NULL,
        inserted_6 integer NOT NULL,
        employed_6 integer NOT NULL,
        responded_6 integer NOT NULL,
        inserted_9 integer NOT NULL,
        employed_9 integer NOT NULL,
        responded_9 integer NOT NULL,
        inserted_12 integer NOT NULL,
        employed_12 integer NOT NULL,
        responded_12 integer NOT NULL,
        CONSTRAINT insertion_rollup_month_day_check CHECK (extract(day FROM month) = 1)
      )`);
    // A query reads one dimension over a range of months: an index-only scan of what it sums.
    await queryRunner.query(
      `CREATE INDEX insertion_rollup_month_idx ON insertion_rollup_month (dimension, month) INCLUDE (${MONTH_READ_COLUMNS})`,
    );
    // Later completions of a period that starts after the person's first one.
    await queryRunner.query(
      `CREATE INDEX insertion_rollup_later_idx ON insertion_rollup (completed_on) INCLUDE (prev_completed_on, ${ROLLUP_READ_COLUMNS}) WHERE prev_completed_on IS NOT NULL`,
    );
    // A course's or a session's first completions, for the filters the monthly level lacks.
    await queryRunner.query(
      `CREATE INDEX insertion_rollup_course_idx ON insertion_rollup (course_id, completed_on) WHERE prev_completed_on IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX insertion_rollup_session_idx ON insertion_rollup (session_id) WHERE prev_completed_on IS NULL`,
    );

    await queryRunner.query(`
      CREATE FUNCTION ${NOTIFY_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${CHANNEL}', TG_TABLE_NAME);
        RETURN NULL;
      END
      $$`);
    for (const [table, event, when] of TRIGGERS) {
      await queryRunner.query(
        `CREATE TRIGGER ${triggerName(table, event)} AFTER ${event} ON ${table}
           FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION ${NOTIFY_FUNCTION}()`,
      );
    }
    for (const table of TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER ${triggerName(table, 'TRUNCATE')} AFTER TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION ${NOTIFY_FUNCTION}()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`DROP TRIGGER ${triggerName(table, 'TRUNCATE')} ON ${table}`);
    }
    for (const [table, event] of TRIGGERS) {
      await queryRunner.query(`DROP TRIGGER ${triggerName(table, event)} ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION ${NOTIFY_FUNCTION}()`);
    await queryRunner.query(`DROP INDEX insertion_rollup_session_idx`);
    await queryRunner.query(`DROP INDEX insertion_rollup_course_idx`);
    await queryRunner.query(`DROP INDEX insertion_rollup_later_idx`);
    await queryRunner.query(`DROP TABLE insertion_rollup_month`);
  }
}
