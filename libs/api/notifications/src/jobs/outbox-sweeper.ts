import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { PeriodicSweep } from '@oris/api/platform';
import { EmailOutbox } from '../email-outbox';
import { EMAIL_WORKER_OPTIONS, type EmailWorkerOptions } from './email-worker.options';

/**
 * Every few seconds, hands the queue the pending emails that are not in it: those committed while
 * Redis was down, those whose job was lost, and those whose next retry round is due. Rows are
 * claimed with `FOR UPDATE SKIP LOCKED`, so several workers sweep side by side without doubling
 * work, and job ids are deterministic, so a row enqueued twice is still sent once.
 */
@Injectable()
export class OutboxSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly periodic: PeriodicSweep;

  constructor(
    private readonly outbox: EmailOutbox,
    @Inject(EMAIL_WORKER_OPTIONS) private readonly options: EmailWorkerOptions,
  ) {
    this.periodic = new PeriodicSweep({
      what: 'pending email(s)',
      sweep: () => this.sweep(),
      intervalMs: options.sweepIntervalMs,
      logger: new Logger(OutboxSweeper.name),
    });
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  /** One sweep; returns how many emails it enqueued. */
  sweep(): Promise<number> {
    return this.outbox.enqueueDue({ staleAfterMs: this.options.staleAfterMs });
  }

  onModuleDestroy(): Promise<void> {
    return this.periodic.stop();
  }
}
