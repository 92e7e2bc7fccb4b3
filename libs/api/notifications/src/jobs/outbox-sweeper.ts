import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { describeError } from '../delivery-policy';
import { EmailOutbox } from '../email-outbox';
import { EMAIL_WORKER_OPTIONS, type EmailWorkerOptions } from './email-worker.options';

const SHUTDOWN_WAIT_MS = 5_000;

/**
 * Every few seconds, hands the queue the pending emails that are not in it: those committed while
 * Redis was down, those whose job was lost, and those whose next retry round is due. Rows are
 * claimed with `FOR UPDATE SKIP LOCKED`, so several workers sweep side by side without doubling
 * work, and job ids are deterministic, so a row enqueued twice is still sent once.
 */
@Injectable()
export class OutboxSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxSweeper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly outbox: EmailOutbox,
    @Inject(EMAIL_WORKER_OPTIONS) private readonly options: EmailWorkerOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  /** One sweep; returns how many emails it enqueued. */
  async sweep(): Promise<number> {
    return this.outbox.enqueueDue({ staleAfterMs: this.options.staleAfterMs });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    // A sweep waiting on a dead Redis must not hold the shutdown: its rows stay claimable.
    await Promise.race([
      this.running,
      new Promise((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS).unref()),
    ]);
  }

  /** Sweeps never overlap: the next one is scheduled when the previous one ends. */
  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweepAndReport().finally(() => {
        this.running = undefined;
        this.schedule(this.options.sweepIntervalMs);
      });
    }, delayMs);
  }

  private async sweepAndReport(): Promise<void> {
    try {
      const count = await this.sweep();
      if (count > 0) this.logger.log(`Handed ${count} pending email(s) to the queue`);
      if (this.failing) this.logger.log('Outbox sweeper recovered');
      this.failing = false;
    } catch (error) {
      if (!this.failing)
        this.logger.warn(`Outbox sweeper cannot enqueue yet: ${describeError(error)}`);
      this.failing = true;
    }
  }
}
