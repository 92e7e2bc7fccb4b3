/** What becomes of an outbox row after a failed delivery attempt. */
export interface FailureDecision {
  status: 'pending' | 'failed';
  /** Start of the next retry round, when this attempt ended one; null otherwise. */
  nextAttemptAt: Date | null;
  /** False: BullMQ must not retry this job any more. */
  retryInRound: boolean;
}

export interface FailurePolicy {
  /** Attempts across all rounds after which the email is dead. */
  maxAttempts: number;
  /** Pause between two retry rounds. */
  roundDelayMs: number;
}

export interface FailedAttempt {
  /** Attempts made, this one included. */
  attempts: number;
  /** This attempt was the last of its BullMQ round. */
  lastOfRound: boolean;
  /** Retrying cannot help: the server refused for good (5xx) or the email cannot be rendered. */
  permanent: boolean;
  /** The email cannot be built at all: no attempt will ever succeed. */
  unrenderable: boolean;
  now: Date;
}

/**
 * Failure policy. Every SMTP failure, even a 5xx, is retried within the round (8 attempts with
 * exponential backoff), because a misconfigured relay answers 5xx too. After a round of temporary
 * failures (4xx, connection refused, timeouts) the row stays pending and the sweeper starts
 * another round after `roundDelayMs`, until `maxAttempts`; a round ending on a permanent refusal,
 * the attempt cap, or an email that cannot be rendered makes the row `failed` (dead).
 */
export function afterFailedAttempt(attempt: FailedAttempt, policy: FailurePolicy): FailureDecision {
  const dead = { status: 'failed', nextAttemptAt: null, retryInRound: false } as const;
  if (attempt.unrenderable || attempt.attempts >= policy.maxAttempts) return dead;
  if (!attempt.lastOfRound) return { status: 'pending', nextAttemptAt: null, retryInRound: true };
  if (attempt.permanent) return dead;
  return {
    status: 'pending',
    nextAttemptAt: new Date(attempt.now.getTime() + policy.roundDelayMs),
    retryInRound: false,
  };
}

/** SMTP replies 5xx are permanent; nodemailer (10.2+) also flags them with `permanent`. */
export function isPermanentSmtpError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { permanent, responseCode } = error as { permanent?: unknown; responseCode?: unknown };
  if (typeof permanent === 'boolean') return permanent;
  return typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
}

/** A short, single-line description of an error, for `last_error` and logs. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const text =
    typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
  return text.replace(/\s+/g, ' ').trim().slice(0, 1_000);
}
