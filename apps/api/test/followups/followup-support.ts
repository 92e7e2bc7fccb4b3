import { inDays } from '../catalogue/catalogue-client';
import { database } from '../enrollments/enrollment-client';
import type { TestApp } from '../support/test-app';

export interface FollowupRow {
  id: string;
  enrollmentId: string;
  userId: string;
  horizon: number;
  dueOn: string;
  status: string;
  emailedAt: Date | null;
  reminderCount: number;
  answerChannel: string | null;
  answeredBy: string | null;
  placementId: string | null;
  tokenHash: Buffer | null;
}

export const followupsOf = (api: TestApp, enrollmentIds: string[]) =>
  database(api).query(
    `SELECT id, enrollment_id AS "enrollmentId", user_id AS "userId", horizon,
            to_char(due_on, 'YYYY-MM-DD') AS "dueOn", status, emailed_at AS "emailedAt",
            reminder_count AS "reminderCount", answer_channel AS "answerChannel",
            answered_by AS "answeredBy", placement_id AS "placementId", token_hash AS "tokenHash"
       FROM followup WHERE enrollment_id = ANY($1) ORDER BY enrollment_id, horizon`,
    [enrollmentIds],
  ) as Promise<FollowupRow[]>;

/** The follow-up emails written for some people, oldest first, with their survey tokens. */
export const followupEmails = (api: TestApp, userIds: string[]) =>
  database(api).query(
    `SELECT user_id AS "userId", template, locale, to_address AS "to", params
       FROM email_outbox WHERE template LIKE 'followup_%' AND user_id = ANY($1)
      ORDER BY created_at`,
    [userIds],
  ) as Promise<
    {
      userId: string;
      template: string;
      locale: string;
      to: string;
      params: Record<string, string>;
    }[]
  >;

/** An instant `days` from now (negative: in the past), for passes run "then". */
export const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);

/** A valid survey answer: a fixed-term job found 60 days ago. */
export const answerBody = (overrides: Record<string, unknown> = {}) => ({
  kind: 'wage_employment',
  contract: 'fixed_term',
  employerName: 'Coopérative Tifawin',
  sector: 'Agroalimentaire',
  position: 'Responsable qualité',
  regionCode: 'MA-05',
  startOn: inDays(-60),
  ...overrides,
});
