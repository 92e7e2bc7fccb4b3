import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { fixedWindow, windowKey, type RateLimitDecision, type RateLimitRule } from './fixed-window';

/** The fixed-window rule and decision, under the names the batched limiter first had. */
export type WindowRule = RateLimitRule;
export type WindowDecision = RateLimitDecision;

export interface BatchedRateLimiterOptions {
  /** A client of its owner's; counters go under its `keyPrefix`. Commands should fail fast. */
  redis: Redis;
  rule: RateLimitRule;
  /**
   * Share of the limit one process may allow for a subject before Redis has confirmed them
   * (the batch, at least 1). It bounds how far several processes together can overshoot.
   */
  batchFraction?: number;
  /** How often counts not yet sent go to Redis, in one pipeline for every subject. */
  syncIntervalMs?: number;
  /** Subjects tracked in memory per window; past it, new subjects are counted in Redis directly. */
  maxSubjects?: number;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

/** One subject's count in the current window, as this process knows it. */
interface Tally {
  /** The shared count in Redis as last heard: every process's synced requests, this one's included. */
  known: number;
  /** Requests in the INCRBY that has not answered yet. */
  sending: number;
  /** Requests allowed since the last INCRBY was sent. */
  unsent: number;
  /** The INCRBY in flight, which lookups await when this process holds a whole batch unconfirmed. */
  sync?: Promise<void>;
}

const ALLOWED: RateLimitDecision = { allowed: true, retryAfterSeconds: 0 };
const WARN_EVERY_MS = 30_000;

/**
 * A fixed-window rate limiter shared by every process through Redis, without a round trip per
 * request: each process counts locally, adds its counts to Redis in batches (`INCRBY`, every
 * `syncIntervalMs` for every subject, and at once when a subject's unconfirmed count reaches a
 * batch), and refuses locally once what it last heard from Redis plus what it allowed since
 * reaches the limit.
 *
 * Exact with one process. With P processes, a subject gets at most `(P − 1) × batch` requests a
 * window over the limit: a process never holds more than one batch that Redis has not confirmed
 * (the lookup that would exceed it waits for the confirmation), and each confirmation brings back
 * every other process's synced count. When Redis is unreachable each process keeps enforcing the
 * limit on its own counts (so P processes allow up to P × limit) and logs a warning.
 */
export class BatchedRateLimiter {
  private readonly logger = new Logger(BatchedRateLimiter.name);
  private readonly redis: Redis;
  private readonly rule: RateLimitRule;
  private readonly batch: number;
  private readonly maxSubjects: number;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout;
  /** The window `tallies` count for; a new window starts every subject afresh. */
  private window = -1;
  private tallies = new Map<string, Tally>();
  /** Subjects with requests not yet sent. */
  private dirty = new Set<string>();
  private lastWarning = 0;

  constructor(options: BatchedRateLimiterOptions) {
    this.redis = options.redis;
    this.rule = options.rule;
    this.batch = Math.max(1, Math.floor(options.rule.limit * (options.batchFraction ?? 0.1)));
    this.maxSubjects = options.maxSubjects ?? 50_000;
    this.now = options.now ?? Date.now;
    this.timer = setInterval(() => this.syncDirty(), options.syncIntervalMs ?? 100);
    this.timer.unref();
  }

  /**
   * Counts one request of `subject` if its budget allows it. Decided at once, without a promise
   * (the hot path allocates nothing), unless the subject holds a whole batch that Redis has not
   * confirmed: then it hears from Redis, and the other processes' counts, before deciding.
   */
  consume(subject: string): RateLimitDecision | Promise<RateLimitDecision> {
    const now = this.now();
    const window = this.currentWindow(now);
    let tally = this.tallies.get(subject);
    if (!tally) {
      if (this.tallies.size >= this.maxSubjects) return this.consumeInRedis(subject, now, window);
      tally = { known: 0, sending: 0, unsent: 0 };
      this.tallies.set(subject, tally);
    }
    if (tally.known + tally.sending + tally.unsent >= this.rule.limit) {
      return { allowed: false, retryAfterSeconds: this.secondsLeft(now, window) };
    }
    if (tally.sending + tally.unsent >= this.batch) {
      if (!tally.sync) this.dirty.delete(subject);
      return (tally.sync ?? this.send([[subject, tally]], window)).then(() =>
        this.consume(subject),
      );
    }
    tally.unsent += 1;
    if (tally.sending + tally.unsent >= this.batch && !tally.sync) {
      this.dirty.delete(subject);
      void this.send([[subject, tally]], window);
    } else {
      this.dirty.add(subject);
    }
    return ALLOWED;
  }

  /** Stops the periodic sync; counts not yet sent are dropped (they only mattered this window). */
  close(): void {
    clearInterval(this.timer);
  }

  private currentWindow(now: number): number {
    const window = fixedWindow(now, this.rule.windowSeconds).index;
    if (window !== this.window) {
      // Counts of a finished window no longer matter anywhere: drop them rather than send them.
      this.window = window;
      this.tallies = new Map();
      this.dirty = new Set();
    }
    return window;
  }

  /** Seconds left of the window that `now` falls in (always the current one here). */
  private secondsLeft(now: number, _window: number): number {
    return fixedWindow(now, this.rule.windowSeconds).secondsLeft;
  }

  private key(subject: string, window: number): string {
    return windowKey(this.rule.name, subject, window);
  }

  private syncDirty(): void {
    if (this.dirty.size === 0) return;
    const window = this.currentWindow(this.now());
    const due: [string, Tally][] = [];
    for (const subject of this.dirty) {
      const tally = this.tallies.get(subject);
      if (!tally || tally.unsent === 0) this.dirty.delete(subject);
      // One INCRBY in flight per subject: the next one leaves after it answered.
      else if (!tally.sync) {
        due.push([subject, tally]);
        this.dirty.delete(subject);
      }
    }
    if (due.length > 0) void this.send(due, window);
  }

  /** Adds the subjects' unsent counts to Redis in one pipeline; learns the shared counts back. */
  private send(subjects: [string, Tally][], window: number): Promise<void> {
    const pipeline = this.redis.pipeline();
    for (const [subject, tally] of subjects) {
      tally.sending = tally.unsent;
      tally.unsent = 0;
      const key = this.key(subject, window);
      pipeline.incrby(key, tally.sending).expire(key, this.rule.windowSeconds + 1, 'NX');
    }
    const sync = pipeline.exec().then(
      (results) => {
        subjects.forEach(([, tally], index) => {
          const [error, count] = results?.[index * 2] ?? [new Error('empty pipeline result')];
          if (error) {
            this.warn(error);
            tally.known += tally.sending;
          } else {
            tally.known = Math.max(Number(count), tally.known + tally.sending);
          }
          tally.sending = 0;
          tally.sync = undefined;
        });
      },
      (error: unknown) => {
        this.warn(error);
        // Redis did not count them: keep them here, so this process still enforces the limit.
        for (const [, tally] of subjects) {
          tally.known += tally.sending;
          tally.sending = 0;
          tally.sync = undefined;
        }
      },
    );
    for (const [, tally] of subjects) tally.sync = sync;
    return sync;
  }

  /** Past `maxSubjects` (addresses sprayed in one window): one INCR per request, as before. */
  private async consumeInRedis(subject: string, now: number, window: number) {
    const key = this.key(subject, window);
    try {
      const results = await this.redis
        .pipeline()
        .incr(key)
        .expire(key, this.rule.windowSeconds + 1, 'NX')
        .exec();
      const [error, count] = results?.[0] ?? [new Error('empty pipeline result')];
      if (error) throw error;
      return Number(count) <= this.rule.limit
        ? ALLOWED
        : { allowed: false, retryAfterSeconds: this.secondsLeft(now, window) };
    } catch (error) {
      this.warn(error);
      return ALLOWED;
    }
  }

  private warn(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.logger.warn(
      `Rate limit counts stay local to this process while Redis is unreachable: ${
        error instanceof Error ? error.message : error
      }`,
    );
  }
}
