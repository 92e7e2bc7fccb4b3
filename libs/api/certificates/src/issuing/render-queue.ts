import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  JobPayloads,
  jobIdFor,
  JOBS,
  OutboxRelay,
  PeriodicSweep,
  producerQueueProvider,
  QUEUES,
  type RelayRunOptions,
} from '@oris/api/platform';
import type { JobsOptions, Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';

/** Attempts of a render before the certificate is marked `failed` (a bug, not a bad day). */
export const RENDER_ATTEMPTS = 5;

/**
 * Finished jobs are removed: the certificate row is the record, and a removed id lets the
 * sweeper hand a lost render again under the same deterministic id.
 */
export const RENDER_JOB_OPTIONS: JobsOptions = {
  attempts: RENDER_ATTEMPTS,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: true,
  removeOnFail: true,
};

export const DEFAULT_RENDER_STALE_AFTER_MS = 10 * 60_000;

/**
 * The render queue as producers see it: like the email queue, it fails fast while Redis is down
 * (no offline queue), leaving the certificates pending for the worker's sweeper.
 */
export const renderQueueProvider = producerQueueProvider(QUEUES.certificates, 'Render queue');

export type EnqueueRendersOptions = RelayRunOptions;

/**
 * Hands certificates still to render to the queue: the certificate row is the outbox (the
 * platform's `OutboxRelay`). Rows are claimed with `FOR UPDATE SKIP LOCKED` (several dispatchers
 * never double the work) and job ids are deterministic (`render-<certificateId>`), so handing a
 * certificate twice is a no-op.
 */
@Injectable()
export class RenderQueue implements OnModuleDestroy {
  private readonly relay: OutboxRelay<JobPayloads[typeof JOBS.renderCertificate]>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @InjectQueue(QUEUES.certificates)
    queue: Queue<JobPayloads[typeof JOBS.renderCertificate]>,
  ) {
    this.relay = new OutboxRelay({
      what: 'Renders',
      queue,
      transaction: (work) => dataSource.transaction(work),
      claim: claimDueRenders,
      markEnqueued: async (manager, ids) => {
        await manager.query(
          `UPDATE certificate SET render_enqueued_at = now() WHERE id = ANY($1)`,
          [ids],
        );
      },
      job: (certificateId) => ({
        name: JOBS.renderCertificate,
        data: { certificateId },
        opts: { ...RENDER_JOB_OPTIONS, jobId: jobIdFor.renderCertificate(certificateId) },
      }),
      batchSize: 200,
      staleAfterMs: DEFAULT_RENDER_STALE_AFTER_MS,
      logger: new Logger(RenderQueue.name),
    });
  }

  /** After the commit: never throws, never waits for Redis. Concurrent calls merge into one more run. */
  dispatchPending(): void {
    this.relay.dispatchPending();
  }

  /** Claims due pending renders and enqueues one job each; returns how many it enqueued. */
  enqueueDue(options: EnqueueRendersOptions = {}): Promise<number> {
    return this.relay.enqueueDue(options);
  }

  /** The worker's sweep of renders that are not in the queue (`RenderSweeper`). */
  periodicSweep(options: { intervalMs: number; staleAfterMs: number }): PeriodicSweep {
    return this.relay.periodicSweep({
      ...options,
      what: 'pending render(s)',
      logger: new Logger('RenderSweeper'),
    });
  }

  onModuleDestroy(): Promise<void> {
    return this.relay.close();
  }
}

/** Locks certificates still to render until the caller's transaction ends. */
async function claimDueRenders(
  manager: EntityManager,
  batchSize: number,
  staleAfterMs: number,
): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM certificate
      WHERE render_state = 'pending'
        AND (render_enqueued_at IS NULL OR render_enqueued_at < now() - make_interval(secs => $1))
      ORDER BY issued_at, serial
      LIMIT $2
      FOR UPDATE SKIP LOCKED`,
    [staleAfterMs / 1000, batchSize],
  );
  return rows.map((row) => row.id);
}
