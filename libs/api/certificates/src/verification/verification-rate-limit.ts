import { Injectable, OnModuleDestroy } from '@nestjs/common';
import {
  AppConfig,
  BatchedRateLimiter,
  rateLimitAddress,
  rateLimitRedis,
  type RateLimitDecision,
} from '@oris/api/platform';
import type Redis from 'ioredis';
import { CertificateErrorCode, CertificateException } from '../certificate.exception';

/**
 * Verification's budget per IP, shared by every API process through Redis without a round trip
 * per lookup (`BatchedRateLimiter`: counted here, synced in batches; see docs/SECURITY.md for the
 * overshoot bound), refused as a certificates problem.
 */
@Injectable()
export class VerificationRateLimit implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly limiter: BatchedRateLimiter;

  constructor(config: AppConfig) {
    this.redis = rateLimitRedis(config);
    this.limiter = new BatchedRateLimiter({
      redis: this.redis,
      // Lookups per IP and minute (VERIFY_RATE_LIMIT_PER_MINUTE, 60 by default): a person
      // checking certificates never reaches it; a scraper does.
      rule: { name: 'verify:ip', limit: config.VERIFY_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 },
    });
  }

  /**
   * Counts one lookup from `ip`; throws 429 (with Retry-After) once the minute's budget is spent.
   * Synchronous unless Redis must confirm first (see `BatchedRateLimiter.consume`).
   */
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
  throw new CertificateException(
    CertificateErrorCode.RateLimited,
    `Too many verification requests. Try again in ${decision.retryAfterSeconds} seconds.`,
    decision.retryAfterSeconds,
  );
}
