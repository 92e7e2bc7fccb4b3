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
import {
  errorText,
  JobPayloads,
  jobIdFor,
  JobWorkerHost,
  JobWorkers,
  JOBS,
  openQueue,
  PeriodicSweep,
  QUEUES,
} from '@oris/api/platform';
import { Queue, QueueOptions } from 'bullmq';
import { InsertionIndicators } from '../engine/insertion-indicators.service';
import { PublicReleases } from '../public/public-releases.service';
import { InsertionRollup } from '../rollup/insertion-rollup.service';
import { RollupChangeListener } from '../rollup/rollup-change-listener';
import {
  PUBLIC_RELEASE_CHECK_INTERVAL_MS,
  PublicReleaseScheduler,
} from './public-release-scheduler';

export interface RollupWorkerOptions {
  /**
   * Wait after a change is signalled before rebuilding, so that a burst of changes (an import,
   * an officer validating several situations) costs one rebuild.
   */
  debounceMs: number;
  /**
   * How often the worker compares the data's signature with the rollup's: the safety net for
   * notifications lost while its listening session was down.
   */
  checkIntervalMs: number;
  /** Rebuild at least this often, changes seen or not. */
  periodicMs: number;
}

export interface IndicatorsWorkerOptions extends RollupWorkerOptions {
  /** How often the worker checks whether a quarter is over and its public release due. */
  releaseCheckIntervalMs: number;
}

export const DEFAULT_ROLLUP_WORKER_OPTIONS: RollupWorkerOptions = {
  debounceMs: 1_500,
  checkIntervalMs: 5 * 60_000,
  periodicMs: 60 * 60_000,
};

const DEFAULT_RELEASE_CHECK_INTERVAL_MS = 15 * 60_000;

const ROLLUP_WORKER_OPTIONS = Symbol('ROLLUP_WORKER_OPTIONS');
type RefreshPayload = JobPayloads[typeof JOBS.refreshInsertionRollup];

/** A job in one of these states has not taken its snapshot yet: it will see the change. */
const NOT_STARTED = new Set(['delayed', 'waiting', 'prioritized', 'waiting-children']);

/**
 * Keeps the insertion rollup up to date without the feature libs having to call it. The source
 * tables' triggers NOTIFY on commit; on each notification the worker enqueues the rebuild under
 * a deterministic id with a short delay. While that job waits, further changes add nothing (same
 * id): that is the debounce, and several worker processes share the one job. A change that comes
 * while a rebuild runs may be missing from its snapshot, so another rebuild is enqueued once that
 * one is over. A slow poll of the signature catches what a lost listening session missed; the
 * rebuild itself holds an advisory lock.
 */
@Injectable()
export class InsertionRollupScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(InsertionRollupScheduler.name);
  private queue?: Queue<RefreshPayload, void, string>;
  private readonly host: JobWorkerHost<typeof JOBS.refreshInsertionRollup>;
  private readonly checks: PeriodicSweep;
  private followUpTimer?: NodeJS.Timeout;
  /** Enqueues in flight, awaited before the queue closes. */
  private readonly signalling = new Set<Promise<void>>();
  private stopped = false;

  constructor(
    @Inject(getSharedConfigToken()) private readonly queueOptions: QueueOptions,
    @Inject(ROLLUP_WORKER_OPTIONS) private readonly options: RollupWorkerOptions,
    private readonly rollup: InsertionRollup,
    private readonly listener: RollupChangeListener,
    workers: JobWorkers,
  ) {
    this.host = new JobWorkerHost(queueOptions, {
      registry: workers,
      queue: QUEUES.indicators,
      job: JOBS.refreshInsertionRollup,
      label: 'Indicators worker',
      logger: this.logger,
      concurrency: 1,
      // A rebuild of a million rows takes a while: keep the lock well beyond it.
      worker: { lockDuration: 10 * 60_000 },
      process: () => this.process(),
    });
    this.checks = new PeriodicSweep({
      what: 'insertion rollup changes',
      sweep: async () => ((await this.check()) ? 1 : 0),
      intervalMs: options.checkIntervalMs,
      logger: this.logger,
      describeResult: () => 'Insertion rollup rebuild enqueued by the safety-net check',
    });
  }

  onApplicationBootstrap(): void {
    this.queue = openQueue<RefreshPayload>(QUEUES.indicators, {
      connection: this.queueOptions.connection,
      prefix: this.queueOptions.prefix,
      label: 'Indicators queue',
    });
    this.host.start();
    this.listener.start({
      changed: () => this.signalChange(),
      // Changes made while nobody listened only show in the signature.
      connected: () => this.checks.runSoon(),
    });
    this.checks.start();
  }

  /** Resolves once the listening session is up (or its first attempt failed). */
  listening(): Promise<void> {
    return this.listener.ready();
  }

  /** One safety-net check; returns the reason a rebuild was enqueued, if one was. */
  async check(): Promise<RefreshPayload['reason'] | null> {
    const state = await this.rollup.state();
    if (!state || Date.now() - state.refreshedAt.getTime() >= this.options.periodicMs) {
      await this.enqueue('periodic', 0);
      return 'periodic';
    }
    if ((await this.rollup.signature()) !== state.signature) {
      await this.enqueueChange();
      return 'changed';
    }
    return null;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.followUpTimer);
    await this.listener.stop();
    await this.checks.stop();
    await Promise.all(this.signalling);
    await this.host.close();
    await this.queue?.close();
  }

  private signalChange(): void {
    if (this.stopped) return;
    // If Redis is down the change is lost here; the signature check finds it later.
    const enqueued = this.enqueueChange()
      .catch((error) =>
        this.logger.warn(`Insertion rollup change not enqueued: ${errorText(error)}`),
      )
      .finally(() => this.signalling.delete(enqueued));
    this.signalling.add(enqueued);
  }

  /**
   * Enqueues a debounced rebuild. When the job under that id has already started (its snapshot
   * may predate the change) or just ended, tries again shortly until a job that has not started
   * holds the change.
   */
  private async enqueueChange(): Promise<void> {
    const job = await this.enqueue('changed', this.options.debounceMs);
    if (!job || this.stopped) return;
    if (NOT_STARTED.has(await job.getState())) return;
    clearTimeout(this.followUpTimer);
    this.followUpTimer = setTimeout(() => this.signalChange(), this.options.debounceMs);
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

  private async process(): Promise<void> {
    // Another process rebuilding right now may have begun before the change this job is for.
    if (!(await this.rollup.refresh())) throw new Error('Another rollup rebuild is running');
  }
}

/**
 * The rollup's upkeep and the quarterly public releases, imported by the worker only. Needs
 * `JobsModule` and `DatabaseModule`.
 */
@Module({})
export class IndicatorsWorkerModule {
  static forRoot(options: Partial<IndicatorsWorkerOptions> = {}): DynamicModule {
    const { releaseCheckIntervalMs = DEFAULT_RELEASE_CHECK_INTERVAL_MS, ...rollup } = options;
    return {
      module: IndicatorsWorkerModule,
      providers: [
        {
          provide: ROLLUP_WORKER_OPTIONS,
          useValue: { ...DEFAULT_ROLLUP_WORKER_OPTIONS, ...rollup },
        },
        { provide: PUBLIC_RELEASE_CHECK_INTERVAL_MS, useValue: releaseCheckIntervalMs },
        InsertionRollup,
        RollupChangeListener,
        InsertionRollupScheduler,
        InsertionIndicators,
        PublicReleases,
        PublicReleaseScheduler,
      ],
      exports: [InsertionRollup, InsertionRollupScheduler, PublicReleases],
    };
  }
}
