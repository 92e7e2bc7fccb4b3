import { randomBytes } from 'node:crypto';
import { AccessTokens } from '@oris/api/identity';
import { PERSONAL_DATA_NOTICE_VERSION, PERSONAL_DATA_PURPOSE } from '@oris/shared/domain';
import type { Role } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import { client, inDays, publishedCourse, sessionBody } from '../catalogue/catalogue-client';
import type { Session } from '../identity/support/identity-client';
import type { TestApp } from '../support/test-app';

export const baseline = (overrides: Record<string, unknown> = {}) => ({
  baselineSituation: 'seeking',
  educationLevel: 'licence',
  ...overrides,
});

export const database = (api: TestApp) => api.app.get(DataSource);

/**
 * Many people at once, written straight to the database (no password hashing, no rate limit)
 * and signed in with a token from the app's own issuer: for load-like tests only.
 */
export async function bulkPeople(
  api: TestApp,
  count: number,
  roles: Role[] = ['trainee'],
  locale = 'fr',
): Promise<Session[]> {
  const tag = randomBytes(4).toString('hex');
  const emails = Array.from({ length: count }, (_, index) => `bulk.${tag}.${index}@example.ma`);
  const rows: { id: string; email: string }[] = await database(api).query(
    `INSERT INTO users (email, password_hash, full_name, gender, birth_year, region_code, locale,
                        email_confirmed_at)
     SELECT e, 'not-a-password-hash', 'Stagiaire ' || (n - 1), 'female', 1995, 'MA-04', $2, now()
       FROM unnest($1::varchar[]) WITH ORDINALITY AS t(e, n)
     RETURNING id, email`,
    [emails, locale],
  );
  await database(api).query(
    `INSERT INTO user_role (user_id, role) SELECT u, r FROM unnest($1::uuid[]) u, unnest($2::varchar[]) r`,
    [rows.map((row) => row.id), roles],
  );
  // As registration does: a consent to the current notice, so enrolling is not refused.
  await database(api).query(
    `INSERT INTO consent (user_id, purpose, notice_version, method, followup_tracking)
     SELECT unnest($1::uuid[]), $2, $3, 'command', true`,
    [rows.map((row) => row.id), PERSONAL_DATA_PURPOSE, PERSONAL_DATA_NOTICE_VERSION],
  );
  const tokens = api.app.get(AccessTokens);
  const byEmail = new Map(rows.map((row) => [row.email, row.id]));
  return Promise.all(
    emails.map(async (email) => {
      const id = byEmail.get(email) as string;
      const { accessToken } = await tokens.issue({ id, email, roles });
      return { accessToken, refreshCookie: '', user: { id, email, roles }, email, password: '' };
    }),
  );
}

export interface OpenSession {
  courseId: string;
  sessionId: string;
  moduleIds: string[];
  meetingIds: string[];
}

/**
 * A published course of `trainer` (with `modules` published modules) and a session of it, moved
 * to `status` (open by default). Past sessions are planned by `planner` (an administrator).
 */
export async function openSession(
  api: TestApp,
  trainer: Session,
  options: {
    course?: Record<string, unknown>;
    session?: Record<string, unknown>;
    modules?: number;
    planner?: Session;
    status?: 'planned' | 'open' | 'running' | 'completed';
  } = {},
): Promise<OpenSession> {
  const http = client(api);
  const course = await publishedCourse(api, trainer, options.course ?? {}, options.modules ?? 1);
  const planner = options.planner ?? trainer;
  const session = await http
    .as(planner)
    .post(`/api/v1/courses/${course.id}/sessions`, sessionBody(options.session ?? {}))
    .expect(201);
  const path = ['open', 'running', 'completed'];
  const stop = path.indexOf(options.status ?? 'open');
  for (const status of path.slice(0, stop + 1)) {
    await http
      .as(planner)
      .post(`/api/v1/sessions/${session.body.id}/status`, { status })
      .expect(200);
  }
  return {
    courseId: course.id,
    sessionId: session.body.id,
    moduleIds: course.moduleIds,
    meetingIds: session.body.meetings.map((meeting: { id: string }) => meeting.id),
  };
}

/** A past session (admin-planned): days `from`..`to` before today, one meeting a day at 09:00. */
export const pastSession = (from: number, to: number, overrides: Record<string, unknown> = {}) => ({
  startsOn: inDays(-from),
  endsOn: inDays(-to),
  opensOn: inDays(-from - 30),
  closesOn: inDays(-from),
  meetings: Array.from({ length: from - to + 1 }, (_, day) => ({
    startsAt: `${inDays(-from + day)}T09:00:00+01:00`,
    endsAt: `${inDays(-from + day)}T12:00:00+01:00`,
  })),
  ...overrides,
});

/** The outbox rows of a template, for some people. */
export async function outboxRows(
  api: TestApp,
  template: string,
  userIds: string[],
): Promise<{ userId: string; locale: string; params: Record<string, string> }[]> {
  return database(api).query(
    `SELECT user_id AS "userId", locale, params FROM email_outbox
      WHERE template = $1 AND user_id = ANY($2) ORDER BY created_at`,
    [template, userIds],
  );
}
