import { createHash, randomBytes } from 'node:crypto';

export const FOLLOWUP_STATUSES = ['scheduled', 'due', 'skipped', 'answered'] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

/** What the officers' queue filters on: the stored statuses plus `overdue` (due, long unanswered). */
export const FOLLOWUP_QUEUE_FILTERS = [...FOLLOWUP_STATUSES, 'overdue'] as const;
export type FollowupQueueFilter = (typeof FOLLOWUP_QUEUE_FILTERS)[number];

export const ANSWER_CHANNELS = ['survey', 'phone'] as const;
export type AnswerChannel = (typeof ANSWER_CHANNELS)[number];

export const FOLLOWUP_POLICY = {
  /**
   * A follow-up found due more than this many days late is not emailed (it is `skipped`, and
   * stays answerable by phone): asking someone in 2026 about their situation 6 months after a
   * 2022 course helps nobody. It is also long enough that a worker stopped for days or weeks
   * still emails everything that fell due meanwhile.
   */
  graceDays: 60,
  /** A survey link works this long after it was emailed. */
  linkValidDays: 30,
  /** Days without an answer after the last email before a reminder. */
  remindAfterDays: 14,
  /** At most this many reminders, each with a fresh link. */
  maxReminders: 2,
  /** A due follow-up unanswered this many days after its due date shows as overdue. */
  overdueAfterDays: 30,
} as const;

/** 256 random bits, URL-safe: the survey link's token (S5: ≥ 128 bits, never sequential). */
export function newSurveyToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this digest is stored: a database leak reveals no working link. */
export function hashSurveyToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Tokens are 43 base64url characters; anything else is refused before any lookup. */
export function isSurveyTokenShaped(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** The first word of a full name, for the survey's greeting. */
export function firstNameOf(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? '';
}
