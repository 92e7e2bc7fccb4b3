import { createHash } from 'node:crypto';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { AppConfig, redisOptions } from '@oris/api/platform';
import Redis from 'ioredis';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { decide, fixedWindow, RateLimitDecision, RateLimitRule } from './fixed-window';
import { failureMemorySeconds, lockSeconds, LockoutPolicy } from './lockout';

// Hashed so that emails and addresses do not sit in Redis in clear.
const hashed = (subject: string) => createHash('sha256').update(subject).digest('base64url');
const failuresKey = (policy: LockoutPolicy, subject: string) =>
  `${policy.name}:failures:${hashed(subject)}`;
const lockKey = (policy: LockoutPolicy, subject: string) =>
  `${policy.name}:lock:${hashed(subject)}`;

const ALLOWED: RateLimitDecision = { allowed: true, retryAfterSeconds: 0 };
const WARN_EVERY_MS = 30_000;

/**
 * Fixed-window counters, and per-account runs of wrong passwords with their locks, in Redis, so
 * every API process shares one budget. When Redis is
 * unreachable the limiter lets requests through and logs: signing in must not depend on Redis.
 */
@Injectable()
export class RateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly redis: Redis;
  private lastWarning = 0;

  constructor(config: AppConfig) {
    // No offline queue and short timeouts: an outage must cost a request milliseconds, not seconds.
    this.redis = new Redis({
      ...redisOptions(config),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1_000,
      commandTimeout: 500,
      // Same namespace as the queues: installations (or test files) sharing a Redis never share budgets.
      keyPrefix: `${config.QUEUE_PREFIX}:rate:`,
    });
    this.redis.on('error', () => undefined);
  }

  async check(rule: RateLimitRule, subject: string): Promise<RateLimitDecision> {
    const window = fixedWindow(Date.now(), rule.windowSeconds);
    const key = `${rule.name}:${hashed(subject)}:${window.index}`;
    try {
      const results = await this.redis
        .multi()
        .incr(key)
        .expire(key, rule.windowSeconds + 1, 'NX')
        .exec();
      const [error, count] = results?.[0] ?? [new Error('empty transaction result'), null];
      if (error) throw error;
      return decide(Number(count), rule.limit, window);
    } catch (error) {
      this.warnFailOpen(error);
      return ALLOWED;
    }
  }

  /** Counts one attempt against every rule and throws 429 if any budget is spent. */
  async consume(...attempts: [rule: RateLimitRule, subject: string][]): Promise<void> {
    const decisions = await Promise.all(
      attempts.map(([rule, subject]) => this.check(rule, subject)),
    );
    const refused = decisions.filter((decision) => !decision.allowed);
    if (refused.length > 0) {
      const retryAfter = Math.max(...refused.map((decision) => decision.retryAfterSeconds));
      throw new IdentityException(
        IdentityErrorCode.RateLimited,
        `Too many attempts. Try again in ${retryAfter} seconds.`,
        retryAfter,
      );
    }
  }

  /** Seconds left of the lock on `subject` (0: not locked, or Redis unreachable). */
  async lockedFor(policy: LockoutPolicy, subject: string): Promise<number> {
    try {
      const ms = await this.redis.pttl(lockKey(policy, subject));
      return ms > 0 ? Math.ceil(ms / 1000) : 0;
    } catch (error) {
      this.warnFailOpen(error);
      return 0;
    }
  }

  /** Throws 429 with Retry-After while `subject` is locked. */
  async assertNotLocked(policy: LockoutPolicy, subject: string): Promise<void> {
    const seconds = await this.lockedFor(policy, subject);
    if (seconds > 0) {
      throw new IdentityException(
        IdentityErrorCode.RateLimited,
        `Too many wrong passwords for this account. Try again in ${seconds} seconds, or reset the password.`,
        seconds,
      );
    }
  }

  /** Counts one wrong password for `subject`, and locks it once the policy says so. */
  async recordFailure(policy: LockoutPolicy, subject: string): Promise<void> {
    const key = failuresKey(policy, subject);
    try {
      const results = await this.redis
        .multi()
        .incr(key)
        .expire(key, failureMemorySeconds(policy))
        .exec();
      const [error, count] = results?.[0] ?? [new Error('empty transaction result'), null];
      if (error) throw error;
      const seconds = lockSeconds(Number(count), policy);
      if (seconds > 0) await this.redis.set(lockKey(policy, subject), '1', 'EX', seconds);
    } catch (error) {
      this.warnFailOpen(error);
    }
  }

  /** The right password, or a reset: the run of failures and any lock end. */
  async clearFailures(policy: LockoutPolicy, subject: string): Promise<void> {
    try {
      await this.redis.del(failuresKey(policy, subject), lockKey(policy, subject));
    } catch (error) {
      this.warnFailOpen(error);
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  private warnFailOpen(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.logger.warn(
      `Rate limiting is off while Redis is unreachable: ${error instanceof Error ? error.message : error}`,
    );
  }
}
