import type { Logger } from '@nestjs/common';

const SHUTDOWN_WAIT_MS = 5_000;

export interface PeriodicSweepOptions {
  /** What is swept, for the logs ("pending email(s)"). */
  what: string;
  /** One sweep; resolves to how many items it handed over. */
  sweep: () => Promise<number>;
  intervalMs: number;
  logger: Logger;
  /** What a sweep that handled `count` items did, for the log; by default, handed them to the queue. */
  describeResult?: (count: number) => string;
}

/**
 * Runs a sweep now and then every `intervalMs`, never two at once (the next is scheduled when
 * the previous ends). A failing sweep (Redis or PostgreSQL down) is logged once, and its recovery
 * once, not every few seconds. `stop` waits a little for a running sweep, but a sweep stuck on a
 * dead server must not hold a shutdown: what it claimed stays claimable by the next process.
 * Runs in every process that starts it; a pass that must run once per interval for the whole
 * platform is a repeatable job instead (`JobWorkerHost`'s `schedule`). Usable directly as a Nest
 * provider: it starts at application bootstrap and stops with its module.
 */
export class PeriodicSweep {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private failing = false;

  constructor(private readonly options: PeriodicSweepOptions) {}

  start(): void {
    this.schedule(0);
  }

  /** One sweep, outside the schedule (tests, commands); resolves to how many items it handled. */
  sweepOnce(): Promise<number> {
    return this.options.sweep();
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  /** Sweeps as soon as possible (something says there may be work), unless a sweep is running. */
  runSoon(): void {
    if (this.stopped || this.running) return;
    clearTimeout(this.timer);
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.race([
      this.running,
      new Promise((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS).unref()),
    ]);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.sweepAndReport().finally(() => {
        this.running = undefined;
        this.schedule(this.options.intervalMs);
      });
    }, delayMs);
  }

  private async sweepAndReport(): Promise<void> {
    const { what, sweep, logger } = this.options;
    try {
      const count = await sweep();
      if (count > 0) {
        logger.log(this.options.describeResult?.(count) ?? `Handed ${count} ${what} to the queue`);
      }
      if (this.failing) logger.log(`Sweeping ${what} works again`);
      this.failing = false;
    } catch (error) {
      if (!this.failing) {
        logger.warn(
          `Cannot sweep ${what} yet: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      this.failing = true;
    }
  }
}
