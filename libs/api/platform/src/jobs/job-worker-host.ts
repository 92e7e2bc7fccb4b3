import type { Logger } from '@nestjs/common';
import {
  Job,
  Queue,
  UnrecoverableError,
  Worker,
  type JobsOptions,
  type QueueOptions,
  type WorkerOptions,
} from 'bullmq';
import type { JobName, JobPayloads, QueueName } from './job-registry';
import type { JobWorkers } from './job-workers';
import { openQueue } from './producer-queue';
import { errorText } from './throttled-warning';

/** A job that a repeatable job scheduler adds every `everyMs`, whatever the number of workers. */
export interface RepeatableJobSchedule<N extends JobName> {
  /** Fixed id: every worker process upserts the same scheduler, so Redis holds one schedule. */
  schedulerId: string;
  everyMs: number;
  data: JobPayloads[N];
  opts?: Omit<JobsOptions, 'repeat' | 'jobId'>;
}

export interface JobWorkerHostOptions<N extends JobName> {
  queue: QueueName;
  /** The one job name this queue carries; any other is refused without retry. */
  job: N;
  /** Names the worker in the logs ("Email worker"). */
  label: string;
  logger: Logger;
  /** Jobs run at the same time by this process. */
  concurrency: number;
  /** Reads the typed payload and calls one service method. */
  process: (job: Job<JobPayloads[N]>) => Promise<void>;
  /** Further BullMQ worker settings (custom backoff, lock duration). */
  worker?: Pick<WorkerOptions, 'settings' | 'lockDuration'>;
  /** Also keeps a repeatable job on the queue: a platform-wide periodic pass. */
  schedule?: RepeatableJobSchedule<N>;
  /** How an error reads in the log; its message by default. */
  describeError?: (error: unknown) => string;
  /** The process's workers, which a SIGTERM closes all at once (`handleWorkerShutdownSignals`). */
  registry: JobWorkers;
}

/**
 * How the worker runs a queue: one BullMQ worker on the process's shared connection and prefix,
 * a job-name check, error logging, and optionally a repeatable schedule. Its owner (a provider of
 * the feature's worker module) calls `start` in `onApplicationBootstrap` and `close` in
 * `onModuleDestroy`, so running jobs finish while the database is still open.
 */
export class JobWorkerHost<N extends JobName> {
  private worker?: Worker<JobPayloads[N]>;
  private scheduleQueue?: Queue<unknown, void, string>;

  constructor(
    private readonly queueOptions: QueueOptions,
    private readonly options: JobWorkerHostOptions<N>,
  ) {}

  start(): void {
    const { connection, prefix } = this.queueOptions;
    const { queue, job: name, label, logger, concurrency, schedule } = this.options;
    const describe = this.options.describeError ?? errorText;
    this.worker = this.options.registry.register(
      new Worker<JobPayloads[N]>(queue, (job) => this.run(job), {
        connection,
        prefix,
        concurrency,
        ...this.options.worker,
      }),
    );
    this.worker.on('error', (error) => logger.warn(`${label}: ${describe(error)}`));
    if (!schedule) return;
    this.scheduleQueue = openQueue<unknown>(queue, {
      connection,
      prefix,
      label: `${label.replace(/ worker$/, '')} queue`,
      describeError: describe,
    });
    // Redis may be down at boot: the connection retries by itself and the upsert waits for it.
    this.scheduleQueue
      .upsertJobScheduler(
        schedule.schedulerId,
        { every: schedule.everyMs },
        { name, data: schedule.data, opts: schedule.opts },
      )
      .catch((error: unknown) => logger.warn(`${label}: schedule not set: ${describe(error)}`));
  }

  /** Stops taking jobs and waits for the running ones. */
  async close(): Promise<void> {
    await this.worker?.close();
    await this.scheduleQueue?.close();
  }

  private async run(job: Job<JobPayloads[N]>): Promise<void> {
    if (job.name !== this.options.job) {
      throw new UnrecoverableError(`Unexpected job ${job.name} on the ${this.options.queue} queue`);
    }
    await this.options.process(job);
  }
}
