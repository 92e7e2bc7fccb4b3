import { getQueueToken, getSharedConfigToken, InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleDestroy, type Provider } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, JobPayloads, jobIdFor, JOBS, QUEUES, redisOptions } from '@oris/api/platform';
import { Queue, type JobsOptions, type QueueOptions } from 'bullmq';
import type { DataSource } from 'typeorm';

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

const WARN_EVERY_MS = 60_000;

/**
 * The render queue as producers see it: like the email queue, it fails fast while Redis is down
 * (no offline queue), leaving the certificates pending for the worker's sweeper.
 */
export const renderQueueProvider: Provider = {
  provide: getQueueToken(QUEUES.certificates),
  inject: [AppConfig, getSharedConfigToken()],
  useFactory: (config: AppConfig, shared: QueueOptions) => {
    const queue = new Queue(QUEUES.certificates, {
      prefix: shared.prefix,
      connection: { ...redisOptions(config), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
    });
    const logger = new Logger('RenderQueue');
    let lastWarningAt = 0;
    queue.on('error', (error) => {
      if (Date.now() - lastWarningAt < WARN_EVERY_MS) return;
      lastWarningAt = Date.now();
      logger.warn(`Render queue: ${error.message}`);
    });
    return Object.assign(queue, { onApplicationShutdown: () => queue.close() });
  },
};

export interface EnqueueRendersOptions {
  staleAfterMs?: number;
  batchSize?: number;
}

/**
 * Hands certificates still to render to the queue: the certificate row is the outbox. Rows are
 * claimed with `FOR UPDATE SKIP LOCKED` (several dispatchers never double the work) and job ids
 * are deterministic (`render-<certificateId>`), so handing a certificate twice is a no-op.
 */
@Injectable()
export class RenderQueue implements OnModuleDestroy {
  private readonly logger = new Logger(RenderQueue.name);
  private queueReady = false;
  private dispatching?: Promise<void>;
  private dispatchAgain = false;
  private closing = false;
  private lastWarningAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.certificates)
    private readonly queue: Queue<JobPayloads[typeof JOBS.renderCertificate]>,
  ) {
    this.queue.waitUntilReady().then(
      () => {
        this.queueReady = true;
        this.dispatchPending();
      },
      () => undefined,
    );
  }

  /** After the commit: never throws, never waits for Redis. Concurrent calls merge into one more run. */
  dispatchPending(): void {
    if (this.closing) return;
    if (this.dispatching) {
      this.dispatchAgain = true;
      return;
    }
    this.dispatching = this.enqueueDue()
      .then(() => undefined)
      .catch((error: unknown) =>
        this.warn(`Renders left pending for the sweeper: ${String(error)}`),
      )
      .finally(() => {
        this.dispatching = undefined;
        if (this.dispatchAgain) {
          this.dispatchAgain = false;
          this.dispatchPending();
        }
      });
  }

  /**
   * Claims due pending renders and enqueues one job each; returns how many it enqueued. Rows are
   * marked enqueued in the claiming transaction, after the queue accepted the jobs: a crash in
   * between leaves them unmarked for the next sweep (re-adding a job that made it is a no-op).
   */
  async enqueueDue(options: EnqueueRendersOptions = {}): Promise<number> {
    if (!this.queueReady) throw new Error('Redis has not been reachable yet');
    const batchSize = options.batchSize ?? 200;
    const staleAfterMs = options.staleAfterMs ?? DEFAULT_RENDER_STALE_AFTER_MS;
    let total = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const rows: { id: string }[] = await manager.query(
          `SELECT id FROM certificate
            WHERE render_state = 'pending'
              AND (render_enqueued_at IS NULL OR render_enqueued_at < now() - make_interval(secs => $1))
            ORDER BY issued_at, serial
            LIMIT $2
            FOR UPDATE SKIP LOCKED`,
          [staleAfterMs / 1000, batchSize],
        );
        if (rows.length === 0) return 0;
        const ids = rows.map((row) => row.id);
        await this.queue.addBulk(
          ids.map((certificateId) => ({
            name: JOBS.renderCertificate,
            data: { certificateId },
            opts: { ...RENDER_JOB_OPTIONS, jobId: jobIdFor.renderCertificate(certificateId) },
          })),
        );
        await manager.query(
          `UPDATE certificate SET render_enqueued_at = now() WHERE id = ANY($1)`,
          [ids],
        );
        return ids.length;
      });
      total += count;
      if (count < batchSize) return total;
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await this.dispatching;
  }

  private warn(message: string): void {
    const now = Date.now();
    if (now - this.lastWarningAt < WARN_EVERY_MS) return;
    this.lastWarningAt = now;
    this.logger.warn(message);
  }
}
