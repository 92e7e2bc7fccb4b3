import type { JobsOptions } from 'bullmq';

/** The backoff type of email jobs; the worker computes its delays (see `emailRetryDelay`). */
export const EMAIL_BACKOFF = 'email';

/** Attempts of one retry round; the sweeper may start further rounds (see `afterFailedAttempt`). */
export const EMAIL_ATTEMPTS_PER_ROUND = 8;

/**
 * Options of every email job, whoever enqueues it. Finished jobs are removed: the outbox row is
 * the record of delivery, and a failed job's id must be free for the next round to re-use it.
 */
export const EMAIL_JOB_OPTIONS: JobsOptions = {
  attempts: EMAIL_ATTEMPTS_PER_ROUND,
  backoff: { type: EMAIL_BACKOFF },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: true,
};

/** Exponential backoff with ±20% jitter, so retries after an SMTP outage do not all arrive at once. */
export function emailRetryDelay(
  attemptsMade: number,
  baseDelayMs: number,
  random = Math.random,
): number {
  const delay = baseDelayMs * 2 ** Math.max(0, attemptsMade - 1);
  return Math.round(delay * (0.8 + 0.4 * random()));
}
