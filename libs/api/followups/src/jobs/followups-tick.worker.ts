import { getSharedConfigToken } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { jobIdFor, JobWorkerHost, JobWorkers, JOBS, QUEUES } from '@oris/api/platform';
import { QueueOptions } from 'bullmq';
import { FollowupScheduler } from '../scheduling/followup-scheduler.service';

export const FOLLOWUPS_TICK_OPTIONS = Symbol('FOLLOWUPS_TICK_OPTIONS');

export interface FollowupsTickOptions {
  /** How often the pass runs. */
  everyMs: number;
}

export const DEFAULT_FOLLOWUPS_TICK_OPTIONS: FollowupsTickOptions = { everyMs: 5 * 60_000 };

/**
 * Runs the follow-ups' pass every few minutes: a repeatable job on the platform's
 * `JobWorkerHost`. The job scheduler has a fixed id, so every worker process upserts the same one
 * and Redis holds one schedule; a run that overlaps another (two workers, a slow pass) is harmless
 * because the pass claims each follow-up with SKIP LOCKED. After downtime the next run catches up
 * on everything that fell due meanwhile.
 */
@Injectable()
export class FollowupsTickWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly host: JobWorkerHost<typeof JOBS.followupsTick>;

  constructor(
    @Inject(getSharedConfigToken()) queueOptions: QueueOptions,
    @Inject(FOLLOWUPS_TICK_OPTIONS) options: FollowupsTickOptions,
    scheduler: FollowupScheduler,
    workers: JobWorkers,
  ) {
    this.host = new JobWorkerHost(queueOptions, {
      registry: workers,
      queue: QUEUES.followups,
      job: JOBS.followupsTick,
      label: 'Follow-ups worker',
      logger: new Logger(FollowupsTickWorker.name),
      concurrency: 1,
      process: async () => {
        await scheduler.run();
      },
      schedule: {
        schedulerId: jobIdFor.followupsTick(),
        everyMs: options.everyMs,
        data: {},
        opts: { removeOnComplete: true, removeOnFail: 100 },
      },
    });
  }

  onApplicationBootstrap(): void {
    this.host.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.host.close();
  }
}
