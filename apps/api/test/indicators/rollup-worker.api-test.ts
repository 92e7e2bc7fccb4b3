// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import {
  InsertionRollup,
  InsertionRollupScheduler,
  ROLLUP_SOURCES_CHANNEL,
  RollupChangeListener,
  type RollupState,
} from '@oris/api/indicators';
import { jobIdFor, JobWorkers, QUEUES, redisOptions } from '@oris/api/platform';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { database } from '../enrollments/enrollment-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import { placementCast } from '../placements/placement-client';
import type { TestApp } from '../support/test-app';
import { IndicatorDataset, seedIndicatorDataset } from './indicator-dataset';

const until = async (condition: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The worker's safety-net polls are an hour apart here: only a notification can be this quick. */
const SIGNAL_DEADLINE_MS = 5_000;
const DEBOUNCE_MS = 500;

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

describe('indicators: the worker keeps the rollup up to date', () => {
  let api: TestApp;
  let data: IndicatorDataset;
  let actorId: string;
  let scheduler: InsertionRollupScheduler;
  let queue: Queue;
  let rollup: InsertionRollup;
  let rebuilds: jest.SpyInstance;

  const insertedAt9 = async () => {
    const [{ inserted }] = await database(api).query(
      `SELECT count(*) FILTER (WHERE inserted_9)::int AS inserted FROM insertion_rollup`,
    );
    return inserted as number;
  };
  /** The rollup was rebuilt after the state `before` was read. */
  const rebuiltSince = async (before: RollupState | null) =>
    (await rollup.state())?.refreshedAt.getTime() !== before?.refreshedAt.getTime();

  /** An officer validates the person's pending situation: a validated version supersedes it. */
  const validatePending = async (db: Queryable, label: string) => {
    await db.query(
      `WITH pending AS (
         UPDATE placement_version SET superseded_at = clock_timestamp()
          WHERE user_id = $1 AND superseded_at IS NULL AND validated_at IS NULL
         RETURNING *)
       INSERT INTO placement_version (placement_id, version, user_id, kind, employer_name, sector, position,
                                      region_code, start_on, source, evidence, validated_by, validated_at, recorded_by)
       SELECT placement_id, version + 1, user_id, kind, employer_name, sector, position, region_code, start_on,
              source, evidence, recorded_by, clock_timestamp(), recorded_by
         FROM pending`,
      [data.people[label]],
    );
  };

  /** A validated job starting on `startOn`, recorded in one transaction. */
  const recordJob = async (label: string, startOn: string) => {
    await database(api).transaction(async (manager) => {
      const [{ id }] = await manager.query(
        `INSERT INTO placement (user_id, created_by) VALUES ($1, $2) RETURNING id`,
        [data.people[label], actorId],
      );
      await manager.query(
        `INSERT INTO placement_version (placement_id, version, user_id, kind, contract, employer_name, sector,
                                        position, region_code, start_on, source, evidence, validated_by,
                                        validated_at, recorded_by)
         VALUES ($1, 1, $2, 'wage_employment', 'permanent', 'Employeur', 'ESS', 'Poste', 'MA-06', $3,
                 'officer', 'confirmed', $4, now(), $4)`,
        [id, data.people[label], startOn, actorId],
      );
    });
  };

  beforeAll(async () => {
    api = await startIdentityTestApp();
    const cast = await placementCast(api);
    actorId = cast.admin.user.id;
    data = await seedIndicatorDataset(database(api), actorId);
    rollup = api.app.get(InsertionRollup);
    rebuilds = jest.spyOn(rollup, 'refresh');
    const connection = { ...redisOptions(api.config), maxRetriesPerRequest: null };
    // The worker's scheduler, on the test's own queue prefix.
    scheduler = new InsertionRollupScheduler(
      { connection, prefix: api.config.QUEUE_PREFIX },
      { checkIntervalMs: 3_600_000, debounceMs: DEBOUNCE_MS, periodicMs: 3_600_000 },
      rollup,
      new RollupChangeListener(api.config),
      new JobWorkers(),
    );
    queue = new Queue(QUEUES.indicators, { connection, prefix: api.config.QUEUE_PREFIX });
  });

  afterAll(async () => {
    await scheduler.onModuleDestroy();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await api.close();
  });

  it('notifies at commit, once per table, only for what the rollup reads', async () => {
    const listener = new Client({ connectionString: api.config.DATABASE_URL });
    const writer = new Client({ connectionString: api.config.DATABASE_URL });
    await listener.connect();
    await writer.connect();
    const received: string[] = [];
    listener.on('notification', (message) => received.push(message.payload ?? ''));
    await listener.query(`LISTEN ${ROLLUP_SOURCES_CHANNEL}`);
    // A round trip on the listening session brings what was sent before it.
    const drain = async () => {
      await listener.query('SELECT 1');
      return received.splice(0);
    };
    const [{ id: p3Enrollment }] = (
      await writer.query(`SELECT id FROM enrollment WHERE user_id = $1`, [data.people['p3']])
    ).rows;
    try {
      // Changes the rollup does not read: a name, a login, a note on a pending situation, a
      // follow-up scheduled, then reminded.
      await writer.query(`UPDATE users SET full_name = full_name || '.', updated_at = now()`);
      await writer.query(
        `UPDATE placement_version SET note = 'Relancé' WHERE superseded_at IS NULL AND validated_at IS NULL`,
      );
      await writer.query(
        `INSERT INTO followup (enrollment_id, user_id, horizon, due_on) VALUES ($1, $2, 9, '2024-12-01')`,
        [p3Enrollment, data.people['p3']],
      );
      await writer.query(`UPDATE followup SET reminder_count = reminder_count + 1`);
      expect(await drain()).toEqual([]);

      // Nothing before the commit, nothing for a rollback, each table once at the commit.
      await writer.query('BEGIN');
      await writer.query(`UPDATE users SET birth_year = birth_year + 1`);
      expect(await drain()).toEqual([]);
      await writer.query('ROLLBACK');
      expect(await drain()).toEqual([]);
      await writer.query('BEGIN');
      await writer.query(`UPDATE users SET gender = NULL WHERE id = $1`, [data.people['p12']]);
      await writer.query(`UPDATE course_session SET title = title || '.', starts_on = starts_on`);
      await writer.query(`UPDATE course_session SET starts_on = starts_on - 1 WHERE id = $1`, [
        data.s3,
      ]);
      await writer.query(`UPDATE course_session SET starts_on = starts_on + 1 WHERE id = $1`, [
        data.s3,
      ]);
      await writer.query(`UPDATE users SET gender = 'male' WHERE id = $1`, [data.people['p12']]);
      expect(await drain()).toEqual([]);
      await writer.query('COMMIT');
      expect(await drain()).toEqual(['users', 'course_session']);

      // Changes it reads: a validation, a revocation, a follow-up answer, a completion's level.
      await validatePending(writer, 'p7');
      expect(await drain()).toEqual(['placement_version']);
      await writer.query(
        `UPDATE certificate SET status = 'revoked', revoked_at = now(), revoked_by = issued_by,
                revoked_reason = 'issued_in_error' WHERE enrollment_id IN (SELECT id FROM enrollment WHERE user_id = $1)`,
        [data.people['p1']],
      );
      await writer.query(
        `UPDATE followup SET status = 'answered', answered_at = now(), answer_channel = 'survey' WHERE enrollment_id = $1`,
        [p3Enrollment],
      );
      await writer.query(`UPDATE enrollment SET education_level = 'master' WHERE id = $1`, [
        p3Enrollment,
      ]);
      expect(await drain()).toEqual(['certificate', 'followup', 'enrollment']);
    } finally {
      await listener.end();
      await writer.end();
    }
  });

  it('builds the rollup at start when there is none', async () => {
    scheduler.onApplicationBootstrap();
    await scheduler.listening();
    await until(async () => (await rollup.state()) !== null, SIGNAL_DEADLINE_MS);
    const first = await rollup.state();
    // 13 completions, 2 certificates revoked from the start and p1's first one since.
    expect(first?.rowCount).toBe(10);
    expect(await rollup.signature()).toBe(first?.signature);
    expect(await scheduler.check()).toBeNull();
  });

  it('rebuilds within seconds of a committed change, without waiting for a poll', async () => {
    const before = await rollup.state();
    const insertedBefore = await insertedAt9();
    const changedAt = Date.now();
    // p9's cooperative, changed in 2025 and left pending, is validated again.
    await validatePending(database(api), 'p9');
    await until(() => rebuiltSince(before), SIGNAL_DEADLINE_MS);
    expect(Date.now() - changedAt).toBeLessThan(SIGNAL_DEADLINE_MS);
    expect(await insertedAt9()).toBe(insertedBefore + 1);
    expect(await scheduler.check()).toBeNull();
  });

  it('merges a burst of changes into one debounced rebuild', async () => {
    const before = await rollup.state();
    const calls = rebuilds.mock.calls.length;
    // Three officers' edits committed at about the same time.
    await Promise.all(
      ['p2', 'p3', 'p4'].map((label) =>
        database(api).query(`UPDATE users SET birth_year = birth_year - 1 WHERE id = $1`, [
          data.people[label],
        ]),
      ),
    );
    await until(() => rebuiltSince(before), SIGNAL_DEADLINE_MS);
    // Long enough for a second rebuild to have begun, had one been enqueued.
    await pause(3 * DEBOUNCE_MS);
    expect(rebuilds.mock.calls.length).toBe(calls + 1);
  });

  it('rebuilds again when a change lands while a rebuild that began before it runs', async () => {
    const db = database(api);
    const insertedBefore = await insertedAt9();
    const calls = rebuilds.mock.calls.length;
    // Holds the next rebuild on its first read of `course_session`, after it took its snapshot.
    const blocker = new Client({ connectionString: api.config.DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE course_session IN ACCESS EXCLUSIVE MODE');
      await db.query(`UPDATE enrollment SET region_code = 'MA-02' WHERE user_id = $1`, [
        data.people['p4'],
      ]);
      await until(async () => (await queue.getActiveCount()) === 1, SIGNAL_DEADLINE_MS);
      // p12, who only answered a follow-up, found a job after her training (S2, T+9 on 2025-04-01).
      await recordJob('p12', '2024-09-01');
      await pause(DEBOUNCE_MS);
    } finally {
      await blocker.query('COMMIT');
      await blocker.end();
    }
    await until(async () => rebuilds.mock.calls.length === calls + 2, SIGNAL_DEADLINE_MS * 2);
    await until(
      async () => (await queue.getJob(jobIdFor.refreshInsertionRollup())) === undefined,
      SIGNAL_DEADLINE_MS,
    );
    expect(await insertedAt9()).toBe(insertedBefore + 1);
    expect(await scheduler.check()).toBeNull();
  });

  it('catches a change whose notification was lost through the signature check', async () => {
    const before = await rollup.state();
    // Triggers do not fire in a replica session: the notification is lost, as it would be while
    // the worker's listening session is down.
    const [{ id: p4Enrollment }] = await database(api).query(
      `SELECT id FROM enrollment WHERE user_id = $1`,
      [data.people['p4']],
    );
    await database(api).transaction(async (manager) => {
      await manager.query(`SET LOCAL session_replication_role = replica`);
      await manager.query(
        `INSERT INTO followup (enrollment_id, user_id, horizon, due_on, status, answered_at, answer_channel)
         VALUES ($1, $2, 12, '2025-03-01', 'answered', now(), 'survey')`,
        [p4Enrollment, data.people['p4']],
      );
    });
    await pause(3 * DEBOUNCE_MS);
    expect(await rebuiltSince(before)).toBe(false);
    expect(await scheduler.check()).toBe('changed');
    await until(() => rebuiltSince(before), SIGNAL_DEADLINE_MS);
    expect(await scheduler.check()).toBeNull();
  });

  it('listens again after losing its session, and looks for what it missed meanwhile', async () => {
    const before = await rollup.state();
    const checks = jest.spyOn(scheduler, 'check');
    const db = database(api);
    const [{ terminated }] = await db.query(
      `SELECT count(pg_terminate_backend(pid))::int AS terminated FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'oris-worker-rollup-listener'`,
    );
    expect(terminated).toBe(1);
    // Committed while nobody listens: only the check after reconnecting can see it.
    const [{ id: p6Enrollment }] = await db.query(`SELECT id FROM enrollment WHERE user_id = $1`, [
      data.people['p6'],
    ]);
    await db.query(
      `INSERT INTO followup (enrollment_id, user_id, horizon, due_on, status, answered_at, answer_channel)
       VALUES ($1, $2, 9, '2025-04-01', 'answered', now(), 'survey')`,
      [p6Enrollment, data.people['p6']],
    );
    await until(() => rebuiltSince(before), SIGNAL_DEADLINE_MS * 2);
    expect(checks).toHaveBeenCalled();

    // And the new session hears the next change.
    const after = await rollup.state();
    await db.query(`UPDATE users SET birth_year = birth_year + 1 WHERE id = $1`, [
      data.people['p6'],
    ]);
    await until(() => rebuiltSince(after), SIGNAL_DEADLINE_MS);
    checks.mockRestore();
  });
});
