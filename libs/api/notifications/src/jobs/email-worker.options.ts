import { DEFAULT_STALE_AFTER_MS } from '../outbox/email-outbox';

/** Tuning of the worker's email processing; production uses the defaults, tests shrink the delays. */
export interface EmailWorkerOptions {
  /** Emails sent at the same time by one worker process. */
  concurrency: number;
  /** First retry delay; each further retry of a round doubles it (30 s … 32 min: a round lasts ~1 h). */
  retryBaseDelayMs: number;
  /** Pause between two retry rounds of an email whose SMTP server keeps failing temporarily. */
  roundDelayMs: number;
  /** Attempts across all rounds after which an email is dead (4 rounds ≈ a day of outage). */
  maxAttempts: number;
  /** How often the sweeper looks for pending emails that are not in the queue. */
  sweepIntervalMs: number;
  /** A pending email handed to the queue longer ago than this is handed again (its job was lost). */
  staleAfterMs: number;
}

export const EMAIL_WORKER_OPTIONS = Symbol('EMAIL_WORKER_OPTIONS');

export const DEFAULT_EMAIL_WORKER_OPTIONS: EmailWorkerOptions = {
  concurrency: 4,
  retryBaseDelayMs: 30_000,
  roundDelayMs: 6 * 3600_000,
  maxAttempts: 32,
  sweepIntervalMs: 5_000,
  staleAfterMs: DEFAULT_STALE_AFTER_MS,
};
