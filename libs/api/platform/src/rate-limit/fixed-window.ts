import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { redisOptions } from '../jobs/redis-connection';

/** A budget of `limit` attempts per fixed window of `windowSeconds`. */
export interface RateLimitRule {
  /** Names the counter in Redis, e.g. `login:ip`. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface FixedWindow {
  /** Number of the window since the epoch: part of the counter's key, so each window counts afresh. */
  index: number;
  /** Whole seconds until the next window opens (at least 1). */
  secondsLeft: number;
}

export function fixedWindow(nowMs: number, windowSeconds: number): FixedWindow {
  const windowMs = windowSeconds * 1000;
  const index = Math.floor(nowMs / windowMs);
  const secondsLeft = Math.max(1, Math.ceil(((index + 1) * windowMs - nowMs) / 1000));
  return { index, secondsLeft };
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Only meaningful when refused: the Retry-After value. */
  retryAfterSeconds: number;
}

/** `count` is the counter after this attempt was added. */
export function decide(count: number, limit: number, window: FixedWindow): RateLimitDecision {
  return { allowed: count <= limit, retryAfterSeconds: window.secondsLeft };
}

/** Subjects (emails, addresses) are hashed so that they do not sit in Redis in clear. */
export const hashedSubject = (subject: string): string =>
  createHash('sha256').update(subject).digest('base64url');

/** The counter of `subject` under `rule` in one window. */
export const windowKey = (ruleName: string, subject: string, windowIndex: number): string =>
  `${ruleName}:${hashedSubject(subject)}:${windowIndex}`;

/**
 * The Redis client of the rate limiters. No offline queue and short timeouts: an outage must cost
 * a request milliseconds, not seconds. Keys go under the queues' namespace, so installations (or
 * test files) sharing a Redis never share budgets. Errors are the limiters' to report.
 */
export function rateLimitRedis(config: Pick<AppConfig, 'REDIS_URL' | 'QUEUE_PREFIX'>): Redis {
  const redis = new Redis({
    ...redisOptions(config),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    commandTimeout: 500,
    keyPrefix: `${config.QUEUE_PREFIX}:rate:`,
  });
  redis.on('error', () => undefined);
  return redis;
}
