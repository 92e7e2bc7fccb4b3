// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { InsertionRollup, InsertionRollupScheduler } from '@oris/api/indicators';
import { jobIdFor, QUEUES, redisOptions } from '@oris/api/platform';
import { Queue } from 'bullmq';
import { database } from '../enrollments/enrollment-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import { placementCast } from '../placements/placement-client';
import type { TestApp } from '../support/test-app';
import { seedIndicatorDataset } from './indicator-dataset';

const until = async (condition: () => Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

describe('indicators: the worker keeps the rollup up to date', () => {
  let api: TestApp;
  let scheduler: InsertionRollupScheduler;
  let queue: Queue;
  let rollup: InsertionRollup;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    const cast = await placementCast(api);
    await seedIndicatorDataset(database(api), cast.admin.user.id);
    rollup = api.app.get(InsertionRollup);
    const connection = { ...redisOptions(api.config), maxRetriesPerRequest: null };
    // The worker's scheduler, on the test's own queue prefix; checks run only when asked.
    scheduler = new InsertionRollupScheduler(
      { connection, prefix: api.config.QUEUE_PREFIX },
      { checkIntervalMs: 3_600_000, debounceMs: 60_000, periodicMs: 3_600_000 },
      rollup,
    );
    queue = new Queue(QUEUES.indicators, { connection, prefix: api.config.QUEUE_PREFIX });
  });

  afterAll(async () => {
    await scheduler.onModuleDestroy();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await api.close();
  });

  it('builds the rollup at start when there is none, then enqueues one debounced rebuild per burst of changes', async () => {
    scheduler.onApplicationBootstrap();
    await until(async () => (await rollup.state()) !== null);
    const first = await rollup.state();
    expect(first?.rowCount).toBe(11);
    expect(await rollup.signature()).toBe(first?.signature);
    expect(await scheduler.check()).toBeNull();

    // A validation appends a version: the signature changes, a rebuild is enqueued with a delay.
    await database(api).query(
      `UPDATE placement_version SET superseded_at = clock_timestamp()
        WHERE superseded_at IS NULL AND validated_at IS NULL AND kind = 'enterprise_creation'`,
    );
    await database(api).query(
      `INSERT INTO placement_version (placement_id, version, user_id, kind, employer_name, sector, position,
                                      region_code, start_on, source, evidence, validated_by, validated_at, recorded_by)
       SELECT placement_id, version + 1, user_id, kind, employer_name, sector, position, region_code, start_on,
              source, evidence, recorded_by, clock_timestamp(), recorded_by
         FROM placement_version WHERE kind = 'enterprise_creation'`,
    );
    expect(await scheduler.check()).toBe('changed');
    expect(await scheduler.check()).toBe('changed');
    const job = await queue.getJob(jobIdFor.refreshInsertionRollup());
    expect(await job?.getState()).toBe('delayed');
    expect(await queue.getDelayedCount()).toBe(1); // the second change merged into the first job

    // When the delay is over, the rebuild runs and the rollup counts the newly validated situation.
    await job?.changeDelay(0);
    await until(async () => (await rollup.state())?.signature !== first?.signature);
    const [{ inserted }] = await database(api).query(
      `SELECT count(*) FILTER (WHERE inserted_9)::int AS inserted FROM insertion_rollup`,
    );
    expect(inserted).toBe(4); // p1 (her S1 row), p6, p7 now, p10
    expect(await scheduler.check()).toBeNull();
  });
});
