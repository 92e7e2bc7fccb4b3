import { Injectable } from '@nestjs/common';
import { rateLimitAddress, RateLimiter, type RateLimitRule } from '@oris/api/platform';
import { FollowupErrorCode, FollowupException } from '../followup.exception';

/**
 * Survey requests per IP and minute: a person opening and answering their survey (even a family
 * sharing one connection) never reaches it; someone trying tokens does.
 */
export const SURVEY_LIMIT: RateLimitRule = { name: 'survey:ip', limit: 30, windowSeconds: 60 };

/** The survey's budget on the shared Redis limiter (fails open: the survey keeps answering). */
@Injectable()
export class SurveyRateLimit {
  constructor(private readonly limiter: RateLimiter) {}

  /** Counts one request from `ip`; throws 429 (with Retry-After) once the minute's budget is spent. */
  async consume(ip: string): Promise<void> {
    const decision = await this.limiter.check(SURVEY_LIMIT, rateLimitAddress(ip));
    if (decision.allowed) return;
    throw new FollowupException(
      FollowupErrorCode.RateLimited,
      `Too many survey requests. Try again in ${decision.retryAfterSeconds} seconds.`,
      decision.retryAfterSeconds,
    );
  }
}
