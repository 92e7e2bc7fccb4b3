import { Injectable, OnModuleDestroy } from '@nestjs/common';
import {
  AppConfig,
  BatchedRateLimiter,
  rateLimitAddress,
  rateLimitRedis,
  type RateLimitDecision,
} from '@oris/api/platform';
import type Redis from 'ioredis';
import { SearchErrorCode, SearchException } from '../search.exception';

/**
 * The search's budget per IP (SEARCH_RATE_LIMIT_PER_MINUTE), shared by every API process through
 * Redis without a round trip per search (`BatchedRateLimiter`, as certificate verification): the
 * search is public and each one costs a full-text query, so a scraper is stopped while a person
 * typing and filtering never reaches it.
 */
@Injectable()
export class SearchRateLimit implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly limiter: BatchedRateLimiter;

  constructor(config: AppConfig) {
    this.redis = rateLimitRedis(config);
    this.limiter = new BatchedRateLimiter({
      redis: this.redis,
      rule: { name: 'search:ip', limit: config.SEARCH_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 },
    });
  }

  /** Counts one search from `ip`; throws 429 (with Retry-After) once the minute's budget is spent. */
  consume(ip: string): void | Promise<void> {
    const decision = this.limiter.consume(rateLimitAddress(ip));
    return decision instanceof Promise ? decision.then(enforce) : enforce(decision);
  }

  onModuleDestroy(): void {
    this.limiter.close();
    this.redis.disconnect();
  }
}

function enforce(decision: RateLimitDecision): void {
  if (decision.allowed) return;
  throw new SearchException(
    SearchErrorCode.RateLimited,
    `Too many searches. Try again in ${decision.retryAfterSeconds} seconds.`,
    decision.retryAfterSeconds,
  );
}
