import { getSharedConfigToken } from '@nestjs/bullmq';
import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { JobPayloads, jobIdFor, JOBS, QUEUES } from '@oris/api/platform';
import { Job, Queue, QueueOptions, UnrecoverableError, Worker } from 'bullmq';
import { InsertionRollup } from '../rollup/insertion-rollup.service';

export interface RollupWorkerOptions {
  /** How often the worker compares the data's signature with the rollup's. */
  checkIntervalMs: number;
  /** Wait after a change is seen, so a burst of changes (an import) costs one rebuild. */
  debounceMs: number;
  /** Rebuild at least this often, changes seen or not. */
  periodicMs: number;
}

export const DEFAULT_ROLLUP_WORKER_OPTIONS: RollupWorkerOptions = {
  checkIntervalMs: 30_000,
  debounceMs: 15_000,
  periodicMs: 60 * 60_000,
};

const ROLLUP_WORKER_OPTIONS = Symbol('ROLLUP_WORKER_OPTIONS');
type RefreshPayload = JobPayloads[typeof JOBS.refreshInsertionRollup];

/**
 * Keeps the insertion rollup up to date without the feature libs having to call it: every
 * `checkIntervalMs` it compares a cheap signature of the source tables with the one stored at the
 * last rebuild and, when they differ, enqueues the rebuild under a deterministic id with a delay.
 * While that job waits, further changes add nothing (same id): that is the debounce. Several
 * worker processes share the one job; the rebuild itself also holds an advisory lock.
 */
@Injectable()
export class InsertionRollupScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(InsertionRollupScheduler.name);
  private queue?: Queue<RefreshPayload>;
  private worker?: Worker<RefreshPayload>;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private failing = false;

  constructor(
    @Inject(getSharedConfigToken()) private readonly queueOptions: QueueOptions,
    @Inject(ROLLUP_WORKER_OPTIONS) private readonly options: RollupWorkerOptions,
    private readonly rollup: InsertionRollup,
  ) {}

  onApplicationBootstrap(): void {
    const connection = this.queueOptions.connection;
    const prefix = this.queueOptions.prefix;
    this.queue = new Queue(QUEUES.indicators, { connection, prefix });
    this.queue.on('error', (error) => this.logger.warn(`Indicators queue: ${error.message}`));
    this.worker = new Worker(QUEUES.indicators, (job) => this.process(job), {
      connection,
      prefix,
      concurrency: 1,
      // A rebuild of a million rows takes a while: keep the lock well beyond it.
      lockDuration: 10 * 60_000,
    });
    this.worker.on('error', (error) => this.logger.warn(`Indicators worker: ${error.message}`));
    this.schedule(0);
  }

  /** One check; returns the reason a rebuild was enqueued, if one was. */
  async check(): Promise<RefreshPayload['reason'] | null> {
    const state = await this.rollup.state();
    if (!state || Date.now() - state.refreshedAt.getTime() >= this.options.periodicMs) {
      await this.enqueue('periodic', 0);
      return 'periodic';
    }
    if ((await this.rollup.signature()) !== state.signature) {
      await this.enqueue('changed', this.options.debounceMs);
      return 'changed';
    }
    return null;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    await this.worker?.close();
    await this.queue?.close();
  }

  private enqueue(reason: RefreshPayload['reason'], delay: number) {
    return this.queue?.add(
      JOBS.refreshInsertionRollup,
      { reason },
      {
        jobId: jobIdFor.refreshInsertionRollup(),
        delay,
        attempts: 3,
        backoff: { type: 'exponential', delay: 30_000 },
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
  }

  private async process(job: Job<RefreshPayload>): Promise<void> {
    if (job.name !== JOBS.refreshInsertionRollup) {
      throw new UnrecoverableError(`Unexpected job ${job.name} on the indicators queue`);
    }
    await this.rollup.refresh();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.checkAndReport().finally(() => {
        this.running = undefined;
        this.schedule(this.options.checkIntervalMs);
      });
    }, delayMs);
  }

  private async checkAndReport(): Promise<void> {
    try {
      await this.check();
      if (this.failing) this.logger.log('Insertion rollup checks recovered');
      this.failing = false;
    } catch (error) {
      if (!this.failing)
        this.logger.warn(
          `Insertion rollup check failed: ${error instanceof Error ? error.message : error}`,
        );
      this.failing = true;
    }
  }
}

/** The rollup's upkeep, imported by the worker only. Needs `JobsModule` and `DatabaseModule`. */
@Module({})
export class IndicatorsWorkerModule {
  static forRoot(options: Partial<RollupWorkerOptions> = {}): DynamicModule {
    return {
      module: IndicatorsWorkerModule,
      providers: [
        {
          provide: ROLLUP_WORKER_OPTIONS,
          useValue: { ...DEFAULT_ROLLUP_WORKER_OPTIONS, ...options },
        },
        InsertionRollup,
        InsertionRollupScheduler,
      ],
      exports: [InsertionRollup, InsertionRollupScheduler],
    };
  }
}
