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

type FanOutPayload = JobPayloads[typeof JOBS.fanOutAnnouncement];

/** Finished jobs are removed: the announcement row is the record of its fan-out. */
export const FAN_OUT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: true,
  removeOnFail: true,
};

export const DEFAULT_FAN_OUT_STALE_AFTER_MS = 10 * 60_000;

/** The queue as the API sees it: it fails fast while Redis is down, leaving the rows due. */
export const announcementQueueProvider = producerQueueProvider(
  QUEUES.announcements,
  'Announcement queue',
);

/**
 * Hands announcements whose emails are still to write to the queue: the announcement row is the
 * outbox (the platform's `OutboxRelay`), one job each under the deterministic id
 * `announcement-<id>`, so handing one twice is a no-op. The request that posts an announcement
 * never waits for its emails, however big the session.
 */
@Injectable()
export class AnnouncementEmailQueue implements OnModuleDestroy {
  private readonly relay: OutboxRelay<FanOutPayload>;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @InjectQueue(QUEUES.announcements) queue: Queue<FanOutPayload>,
  ) {
    this.relay = new OutboxRelay({
      what: 'Announcement emails',
      queue,
      transaction: (work) => dataSource.transaction(work),
      claim: claimDueFanOuts,
      markEnqueued: async (manager, ids) => {
        await manager.query(
          `UPDATE announcement SET email_enqueued_at = now() WHERE id = ANY($1)`,
          [ids],
        );
      },
      job: (announcementId) => ({
        name: JOBS.fanOutAnnouncement,
        data: { announcementId },
        opts: { ...FAN_OUT_JOB_OPTIONS, jobId: jobIdFor.fanOutAnnouncement(announcementId) },
      }),
      batchSize: 100,
      staleAfterMs: DEFAULT_FAN_OUT_STALE_AFTER_MS,
      logger: new Logger(AnnouncementEmailQueue.name),
    });
  }

  /** After the commit: never throws, never waits for Redis. */
  dispatchPending(): void {
    this.relay.dispatchPending();
  }

  enqueueDue(options: RelayRunOptions = {}): Promise<number> {
    return this.relay.enqueueDue(options);
  }

  /** The worker's sweep of fan-outs not in the queue (posted while Redis was down, lost jobs). */
  periodicSweep(options: { intervalMs: number; staleAfterMs: number }): PeriodicSweep {
    return this.relay.periodicSweep({
      ...options,
      what: 'pending announcement email fan-out(s)',
      logger: new Logger('AnnouncementEmailSweeper'),
    });
  }

  onModuleDestroy(): Promise<void> {
    return this.relay.close();
  }
}

async function claimDueFanOuts(
  manager: EntityManager,
  batchSize: number,
  staleAfterMs: number,
): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM announcement
      WHERE email_state = 'pending'
        AND (email_enqueued_at IS NULL OR email_enqueued_at < now() - make_interval(secs => $1))
      ORDER BY created_at
      LIMIT $2
      FOR UPDATE SKIP LOCKED`,
    [staleAfterMs / 1000, batchSize],
  );
  return rows.map((row) => row.id);
}
