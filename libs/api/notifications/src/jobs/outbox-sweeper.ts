import type { Provider } from '@nestjs/common';
import { EmailOutbox } from '../outbox/email-outbox';
import { EMAIL_WORKER_OPTIONS, type EmailWorkerOptions } from './email-worker.options';

/**
 * The sweeper of emails (a `PeriodicSweep`): every few seconds, hands the queue the pending
 * emails that are not in it: those committed while Redis was down, those whose job was lost, and
 * those whose next retry round is due. Same claim and deterministic job ids as the dispatch.
 */
export const OutboxSweeper = Symbol('OutboxSweeper');

export const outboxSweeperProvider: Provider = {
  provide: OutboxSweeper,
  inject: [EmailOutbox, EMAIL_WORKER_OPTIONS],
  useFactory: (outbox: EmailOutbox, options: EmailWorkerOptions) =>
    outbox.periodicSweep({
      intervalMs: options.sweepIntervalMs,
      staleAfterMs: options.staleAfterMs,
    }),
};
