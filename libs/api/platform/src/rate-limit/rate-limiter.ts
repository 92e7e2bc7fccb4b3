import { HttpStatus, Injectable, Logger, Module, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { DomainException } from '../errors/domain.exception';
import {
  decide,
  fixedWindow,
  hashedSubject,
  rateLimitRedis,
  RateLimitDecision,
  RateLimitRule,
  windowKey,
} from './fixed-window';
import { failureMemorySeconds, lockSeconds, LockoutPolicy } from './lockout';

const failuresKey = (policy: LockoutPolicy, subject: string) =>
  `${policy.name}:failures:${hashedSubject(subject)}`;
const lockKey = (policy: LockoutPolicy, subject: string) =>
  `${policy.name}:lock:${hashedSubject(subject)}`;

/**
 * A spent budget or a locked account: 429 with Retry-After, code `rate_limited` (a feature with a
 * title of its own, like verification or the survey, checks and throws its own exception).
 */
export class RateLimitedException extends DomainException {
  constructor(detail: string, retryAfterSeconds: number) {
    super(
      'rate_limited',
      HttpStatus.TOO_MANY_REQUESTS,
      'Too many attempts',
      detail,
      retryAfterSeconds,
    );
  }
}

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
    this.redis = rateLimitRedis(config);
  }

  async check(rule: RateLimitRule, subject: string): Promise<RateLimitDecision> {
    const window = fixedWindow(Date.now(), rule.windowSeconds);
    const key = windowKey(rule.name, subject, window.index);
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
      throw new RateLimitedException(
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
      throw new RateLimitedException(
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

/** The shared limiter, one per process; a module that imports this and re-exports it shares it. */
@Module({ providers: [RateLimiter], exports: [RateLimiter] })
export class RateLimitModule {}
