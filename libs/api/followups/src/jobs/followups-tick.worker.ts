import { getSharedConfigToken } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { JobPayloads, jobIdFor, JOBS, JobWorkers, QUEUES } from '@oris/api/platform';
import { Job, Queue, QueueOptions, UnrecoverableError, Worker } from 'bullmq';
import { FollowupScheduler } from '../scheduling/followup-scheduler.service';

export const FOLLOWUPS_TICK_OPTIONS = Symbol('FOLLOWUPS_TICK_OPTIONS');

export interface FollowupsTickOptions {
  /** How often the pass runs. */
  everyMs: number;
}

export const DEFAULT_FOLLOWUPS_TICK_OPTIONS: FollowupsTickOptions = { everyMs: 5 * 60_000 };

type TickPayload = JobPayloads[typeof JOBS.followupsTick];

/**
 * Runs the follow-ups' pass every few minutes. The job scheduler has a fixed id, so every worker
 * process upserts the same one and Redis holds one schedule; a run that overlaps another (two
 * workers, a slow pass) is harmless because the pass claims each follow-up with SKIP LOCKED.
 * After downtime the next run catches up on everything that fell due meanwhile.
 */
@Injectable()
export class FollowupsTickWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(FollowupsTickWorker.name);
  private worker?: Worker<TickPayload>;
  private queue?: Queue<TickPayload>;

  constructor(
    @Inject(getSharedConfigToken()) private readonly queueOptions: QueueOptions,
    @Inject(FOLLOWUPS_TICK_OPTIONS) private readonly options: FollowupsTickOptions,
    private readonly scheduler: FollowupScheduler,
    private readonly workers: JobWorkers,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker(QUEUES.followups, (job) => this.process(job), {
      connection: this.queueOptions.connection,
      prefix: this.queueOptions.prefix,
      concurrency: 1,
    });
    this.workers.register(this.worker);
    this.worker.on('error', (error) => this.logger.warn(`Follow-ups worker: ${error.message}`));
    this.queue = new Queue(QUEUES.followups, {
      connection: this.queueOptions.connection,
      prefix: this.queueOptions.prefix,
    });
    this.queue.on('error', (error) => this.logger.warn(`Follow-ups queue: ${error.message}`));
    // Redis may be down at boot: the connection retries by itself and the upsert waits for it.
    this.queue
      .upsertJobScheduler(
        jobIdFor.followupsTick(),
        { every: this.options.everyMs },
        {
          name: JOBS.followupsTick,
          data: {},
          opts: { removeOnComplete: true, removeOnFail: 100 },
        },
      )
      .catch((error: unknown) =>
        this.logger.warn(
          `Follow-ups schedule not set: ${error instanceof Error ? error.message : error}`,
        ),
      );
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
  }

  private async process(job: Job<TickPayload>): Promise<void> {
    if (job.name !== JOBS.followupsTick)
      throw new UnrecoverableError(`Unexpected job ${job.name} on the follow-ups queue`);
    await this.scheduler.run();
  }
}
