import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum FollowupErrorCode {
  FollowupNotFound = 'followup_not_found',
  SurveyNotFound = 'survey_not_found',
  AlreadyAnswered = 'followup_already_answered',
  RateLimited = 'rate_limited',
}

/** The one place where follow-up codes get their HTTP status and title. */
const PROBLEMS: Record<FollowupErrorCode, { status: HttpStatus; title: string }> = {
  [FollowupErrorCode.FollowupNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Follow-up not found',
  },
  // One answer for unknown, expired and spent links: a guesser learns nothing.
  [FollowupErrorCode.SurveyNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'This survey link is not valid',
  },
  [FollowupErrorCode.AlreadyAnswered]: {
    status: HttpStatus.CONFLICT,
    title: 'This follow-up has already been answered',
  },
  [FollowupErrorCode.RateLimited]: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    title: 'Too many requests',
  },
};

export class FollowupException extends DomainException {
  constructor(code: FollowupErrorCode, detail?: string, retryAfterSeconds?: number) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail, retryAfterSeconds);
  }
}

export const surveyNotFound = () =>
  new FollowupException(
    FollowupErrorCode.SurveyNotFound,
    'The link is unknown, has expired or has already been used.',
  );

export const followupNotFound = (id: string) =>
  new FollowupException(FollowupErrorCode.FollowupNotFound, `No follow-up with id ${id}.`);
