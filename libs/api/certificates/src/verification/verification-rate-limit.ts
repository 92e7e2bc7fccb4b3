import { Injectable } from '@nestjs/common';
import { RateLimiter } from '@oris/api/identity';
import type { RateLimitRule } from '@oris/api/identity';
import { CertificateErrorCode, CertificateException } from '../certificate.exception';

/** Lookups per IP and minute: a person checking certificates never reaches it; a scraper does. */
export const VERIFY_LIMIT: RateLimitRule = { name: 'verify:ip', limit: 60, windowSeconds: 60 };

/**
 * Verification's budget on the platform's shared Redis limiter (one INCR per lookup, fails open
 * so verification keeps answering while Redis is down), refused as a certificates problem.
 */
@Injectable()
export class VerificationRateLimit {
  constructor(private readonly limiter: RateLimiter) {}

  /** Counts one lookup from `ip`; throws 429 (with Retry-After) once the minute's budget is spent. */
  async consume(ip: string): Promise<void> {
    const decision = await this.limiter.check(VERIFY_LIMIT, ip);
    if (decision.allowed) return;
    throw new CertificateException(
      CertificateErrorCode.RateLimited,
      `Too many verification requests. Try again in ${decision.retryAfterSeconds} seconds.`,
      decision.retryAfterSeconds,
    );
  }
}
