import { Injectable } from '@nestjs/common';
import { RateLimiter } from '@oris/api/identity';
import type { RateLimitRule } from '@oris/api/identity';
import { AppConfig } from '@oris/api/platform';
import { CertificateErrorCode, CertificateException } from '../certificate.exception';

/**
 * Verification's budget on the platform's shared Redis limiter (one INCR per lookup, fails open
 * so verification keeps answering while Redis is down), refused as a certificates problem.
 */
@Injectable()
export class VerificationRateLimit {
  /**
   * Lookups per IP and minute (VERIFY_RATE_LIMIT_PER_MINUTE, 60 by default): a person checking
   * certificates never reaches it; a scraper does.
   */
  private readonly rule: RateLimitRule;

  constructor(
    private readonly limiter: RateLimiter,
    config: AppConfig,
  ) {
    this.rule = {
      name: 'verify:ip',
      limit: config.VERIFY_RATE_LIMIT_PER_MINUTE,
      windowSeconds: 60,
    };
  }

  /** Counts one lookup from `ip`; throws 429 (with Retry-After) once the minute's budget is spent. */
  async consume(ip: string): Promise<void> {
    const decision = await this.limiter.check(this.rule, ip);
    if (decision.allowed) return;
    throw new CertificateException(
      CertificateErrorCode.RateLimited,
      `Too many verification requests. Try again in ${decision.retryAfterSeconds} seconds.`,
      decision.retryAfterSeconds,
    );
  }
}
