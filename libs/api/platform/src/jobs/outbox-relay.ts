import type { Logger } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { PeriodicSweep } from './periodic-sweep';
import { errorText, ThrottledWarning } from './throttled-warning';

/** One job to add for one claimed row. */
export interface RelayedJob<Payload> {
  name: string;
  data: Payload;
  opts: JobsOptions & { jobId: string };
}

export interface OutboxRelayOptions<Payload> {
  /** What the rows are, for the logs ("Emails", "Renders"). */
  what: string;
  queue: Queue<Payload>;
  /** Runs `work` in a database transaction (the claim's locks last until it ends). */
  transaction: <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>;
  /**
   * Locks up to `batchSize` due rows until the transaction ends (`FOR UPDATE SKIP LOCKED`, so
   * other dispatchers skip them) and answers their ids. A row handed over longer ago than
   * `staleAfterMs` and still due counts as lost and is due again.
   */
  claim: (manager: EntityManager, batchSize: number, staleAfterMs: number) => Promise<string[]>;
  /** Records, in the claiming transaction, that these rows are in the queue. */
  markEnqueued: (manager: EntityManager, ids: string[]) => Promise<void>;
  /** The job of one row, with a deterministic job id so that handing a row twice is a no-op. */
  job: (id: string) => RelayedJob<Payload>;
  batchSize: number;
  staleAfterMs: number;
  logger: Logger;
  /** How an error reads in the log; the error's message by default. */
  describeError?: (error: unknown) => string;
}

export interface RelayRunOptions {
  /** A row handed to the queue longer ago than this and still due is handed again (lost job). */
  staleAfterMs?: number;
  /** Rows claimed per statement. */
  batchSize?: number;
}

/**
 * The after-commit relay of a transactional outbox: rows written in the caller's transaction
 * (emails, certificates to render) are handed to a BullMQ queue once committed. `dispatchPending`
 * runs after the commit and never delays or fails the caller; the worker's sweep calls
 * `enqueueDue` periodically for what the dispatch could not hand over (Redis down, a lost job).
 * Each use says which rows are due, how they are marked and what their job is.
 */
export class OutboxRelay<Payload> {
  private queueReady = false;
  private dispatching?: Promise<void>;
  private dispatchAgain = false;
  private closing = false;
  private readonly warning: ThrottledWarning;
  private readonly describeError: (error: unknown) => string;

  constructor(private readonly options: OutboxRelayOptions<Payload>) {
    this.warning = new ThrottledWarning(options.logger);
    this.describeError = options.describeError ?? errorText;
    // Until Redis has answered once, BullMQ would wait for it instead of failing: skip the queue,
    // then hand over what was committed meanwhile as soon as it answers.
    options.queue.waitUntilReady().then(
      () => {
        this.queueReady = true;
        this.dispatchPending();
      },
      () => undefined,
    );
  }

  /**
   * Hands pending rows to the queue in the background; call it after the commit. It never throws
   * and never waits for Redis: when the queue is down the rows stay pending for the sweep. Calls
   * made while a dispatch runs are merged into one more run.
   */
  dispatchPending(): void {
    if (this.closing) return;
    if (this.dispatching) {
      this.dispatchAgain = true;
      return;
    }
    this.dispatching = this.enqueueDue()
      .then(() => undefined)
      .catch((error: unknown) =>
        this.warning.warn(
          `${this.options.what} left pending for the sweeper: ${this.describeError(error)}`,
        ),
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
   * Claims due rows and enqueues one job each; returns how many it enqueued. Rows are marked in
   * the claiming transaction, after the queue accepted their jobs: a crash in between rolls the
   * mark back (the next sweep hands them again, a no-op for jobs that made it), so no row is ever
   * marked without its job.
   */
  async enqueueDue(options: RelayRunOptions = {}): Promise<number> {
    if (!this.queueReady) throw new Error('Redis has not been reachable yet');
    const batchSize = options.batchSize ?? this.options.batchSize;
    const staleAfterMs = options.staleAfterMs ?? this.options.staleAfterMs;
    const { claim, markEnqueued, job, queue } = this.options;
    let total = 0;
    for (;;) {
      const count = await this.options.transaction(async (manager) => {
        const ids = await claim(manager, batchSize, staleAfterMs);
        if (ids.length === 0) return 0;
        await queue.addBulk(ids.map(job) as Parameters<Queue<Payload>['addBulk']>[0]);
        await markEnqueued(manager, ids);
        return ids.length;
      });
      total += count;
      if (count < batchSize) return total;
    }
  }

  /**
   * The worker's sweep of this outbox: every `intervalMs`, hands the queue the due rows that are
   * not in it (committed while Redis was down, a lost job, a retry that fell due). Several
   * workers sweep side by side without doubling work (the claim skips locked rows).
   */
  periodicSweep(options: {
    what: string;
    intervalMs: number;
    staleAfterMs: number;
    logger: Logger;
  }): PeriodicSweep {
    return new PeriodicSweep({
      what: options.what,
      sweep: () => this.enqueueDue({ staleAfterMs: options.staleAfterMs }),
      intervalMs: options.intervalMs,
      logger: options.logger,
    });
  }

  /** Stops dispatching, and waits for the dispatch under way. */
  async close(): Promise<void> {
    this.closing = true;
    await this.dispatching;
  }
}
