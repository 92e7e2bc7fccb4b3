import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum SearchErrorCode {
  RateLimited = 'search_rate_limited',
}

/** The one place where search codes get their HTTP status and title. */
const PROBLEMS: Record<SearchErrorCode, { status: HttpStatus; title: string }> = {
  [SearchErrorCode.RateLimited]: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    title: 'Too many searches',
  },
};

export class SearchException extends DomainException {
  constructor(code: SearchErrorCode, detail?: string, retryAfterSeconds?: number) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail, retryAfterSeconds);
  }
}
