// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@oris/api/identity';
import { hashSurveyToken } from '@oris/api/followups';
import { addDays, demoSessionTitle, todayInMorocco } from '@oris/shared/domain';
import { seedDemo } from '../../src/cli/demo-seed-command';
import { client } from '../catalogue/catalogue-client';
import {
  type CertificateTestApp,
  database,
  startCertificateTestApp,
} from '../certificates/certificate-support';
import { login, type Session } from '../identity/support/identity-client';

const demo = (role: string) => DEMO_ACCOUNTS.find((account) => account.role === role)?.email ?? '';

/**
 * The administrators' overview (`GET /api/v1/admin/overview`) on the demo data, which must also
 * look real: nothing dated after the seed's "now", season names true to the dates, and every
 * survey email about to be sent holding a link that opens the survey.
 */
describe('the administrators’ overview, on the demo data', () => {
  let api: CertificateTestApp;
  let http: ReturnType<typeof client>;
  let admin: Session;

  beforeAll(async () => {
    api = await startCertificateTestApp();
    http = client(api);
    await seedDemo(api.config);
    admin = await login(api, demo('admin'), DEMO_PASSWORD);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('counts what waits: pending requests by session, failed renders, overdue follow-ups', async () => {
    const response = await http.as(admin).get('/api/v1/admin/overview').expect(200);

    // The demo: two requests waiting in COOP-120's open session (approval required), none of
    // the eight certificates failed, the first cohort's two 12-month follow-ups overdue.
    expect(response.body).toEqual({
      pendingApprovals: 2,
      sessionsAwaitingApproval: [
        {
          sessionId: expect.any(String),
          sessionTitle: 'Session Béni Mellal',
          courseTitle: 'Créer et gérer une coopérative',
          startsOn: addDays(todayInMorocco(), 28),
          pending: 2,
          oldestRequestAt: expect.any(String),
        },
      ],
      failedRenders: 0,
      overdueFollowups: 2,
    });
    const [session] = response.body.sessionsAwaitingApproval;
    const pending = await http
      .as(admin)
      .get(`/api/v1/sessions/${session.sessionId}/enrollments?status=pending`)
      .expect(200);
    expect(pending.body.total).toBe(2);
  });

  it('counts a certificate whose render failed', async () => {
    const [certificate]: { id: string }[] = await database(api).query(
      `UPDATE certificate SET render_state = 'failed'
        WHERE id = (SELECT id FROM certificate WHERE render_state = 'pending' ORDER BY id LIMIT 1)
       RETURNING id`,
    );
    expect(certificate).toBeDefined();

    const response = await http.as(admin).get('/api/v1/admin/overview').expect(200);
    expect(response.body.failedRenders).toBe(1);
  });

  it('is for administrators only', async () => {
    for (const role of ['trainer', 'placement_officer', 'trainee']) {
      const person = await login(api, demo(role), DEMO_PASSWORD);
      const refused = await http.as(person).get('/api/v1/admin/overview').expect(403);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    await http.anonymous.get('/api/v1/admin/overview').expect(401);
  });

  it('dates no request after now', async () => {
    const [future] = await database(api).query(
      `SELECT (SELECT count(*)::int FROM enrollment WHERE enrolled_at > now()) AS enrollments,
              (SELECT count(*)::int FROM enrollment WHERE confirmed_at > now()) AS confirmations,
              (SELECT count(*)::int FROM enrollment WHERE validated_at > now()) AS validations,
              (SELECT count(*)::int FROM placement_version WHERE validated_at > now()) AS situations`,
    );
    expect(future).toEqual({ enrollments: 0, confirmations: 0, validations: 0, situations: 0 });
  });

  it('names each season-named session after the season it starts in', async () => {
    const sessions: { title: string; startsOn: string; languages: string[] }[] = await database(
      api,
    ).query(
      `SELECT s.title, to_char(s.starts_on, 'YYYY-MM-DD') AS "startsOn", c.languages
         FROM course_session s JOIN course c ON c.id = s.course_id
        WHERE s.title ~ '(hiver|printemps|été|automne|winter|spring|summer|autumn)'`,
    );
    expect(sessions.length).toBe(6);
    for (const session of sessions) {
      const template = session.title.replace(
        /(hiver|printemps|été|automne|winter|spring|summer|autumn) \d{4}/,
        '{season} {year}',
      );
      const locale = session.languages[0] as 'fr' | 'en';
      expect(session.title).toBe(demoSessionTitle(template, session.startsOn, locale));
    }
  });

  it('sends only survey emails whose link opens the survey', async () => {
    const emails: { token: string; template: string }[] = await database(api).query(
      `SELECT params->>'surveyToken' AS token, template FROM email_outbox
        WHERE status = 'pending' AND template IN ('followup_due', 'followup_reminder')`,
    );
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) {
      const [followup] = await database(api).query(
        `SELECT status, token_expires_at > now() AS "inTime" FROM followup WHERE token_hash = $1`,
        [hashSurveyToken(email.token)],
      );
      expect(followup).toEqual({ status: 'due', inTime: true });
      await http.anonymous.get(`/api/v1/survey/${email.token}`).expect(200);
    }
    // The links the reminders replaced are never delivered.
    const [{ withdrawn }] = await database(api).query(
      `SELECT count(*)::int AS withdrawn FROM email_outbox
        WHERE status = 'cancelled' AND template IN ('followup_due', 'followup_reminder')`,
    );
    expect(withdrawn).toBeGreaterThan(0);
  });
});
