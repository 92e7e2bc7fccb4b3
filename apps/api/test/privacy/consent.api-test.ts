// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { FollowupScheduler } from '@oris/api/followups';
import { AccessTokens } from '@oris/api/identity';
import { PERSONAL_DATA_NOTICE_VERSION, PERSONAL_DATA_PURPOSE } from '@oris/shared/domain';
import { client } from '../catalogue/catalogue-client';
import { baseline, database, openSession } from '../enrollments/enrollment-client';
import { daysFromNow, followupEmails, followupsOf } from '../followups/followup-support';
import { login, register, uniqueIp, type Session } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import { eventually } from '../notifications/outbox-support';
import { pastCohort, placementCast, type PlacementCast } from '../placements/placement-client';
import type { TestApp } from '../support/test-app';

/**
 * Consent under law 09-08: an append-only history; withdrawing consent to follow-up stops the
 * follow-up pass for the person and revokes their links; a newer notice or a consent recorded
 * by staff asks the person again at sign-in, and routes that collect data wait for the answer.
 */
describe('consent: history, withdrawal, re-consent, staff-recorded', () => {
  let api: TestApp;
  let cast: PlacementCast;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await placementCast(api);
    http = client(api);
  });

  afterAll(() => api.close());

  const consents = (userId: string) =>
    database(api).query(
      `SELECT method, notice_version AS "noticeVersion", followup_tracking AS "followupTracking",
              recorded_by AS "recordedBy", ip
         FROM consent WHERE user_id = $1 ORDER BY given_at, seq`,
      [userId],
    ) as Promise<Record<string, unknown>[]>;

  /** The person, as having consented once, before the current notice came out. */
  const consentedToAnOlderNotice = async (userId: string) => {
    await database(api).query(`DELETE FROM consent WHERE user_id = $1`, [userId]);
    await database(api).query(
      `INSERT INTO consent (user_id, purpose, notice_version, method, followup_tracking, given_at, ip)
       VALUES ($1, $2, '2025-01-01', 'registration', true, now() - interval '1 year', '192.0.2.1')`,
      [userId, PERSONAL_DATA_PURPOSE],
    );
  };

  it('records consent at registration, says on /me that nothing is asked, and keeps the history append-only', async () => {
    const person = await register(api);
    expect(person.user).toMatchObject({
      consent: {
        required: false,
        reason: null,
        currentNoticeVersion: PERSONAL_DATA_NOTICE_VERSION,
        noticeVersion: PERSONAL_DATA_NOTICE_VERSION,
        followupTracking: true,
      },
    });
    const overview = await http.as(person).get('/api/v1/me/consents').expect(200);
    expect(overview.body.history).toEqual([
      expect.objectContaining({
        method: 'registration',
        noticeVersion: PERSONAL_DATA_NOTICE_VERSION,
        followupTracking: true,
        recordedBy: null,
        purpose: PERSONAL_DATA_PURPOSE,
      }),
    ]);
    // The database itself refuses to rewrite a consent; only erasing its address is allowed.
    await expect(
      database(api).query(`UPDATE consent SET followup_tracking = false WHERE user_id = $1`, [
        person.user.id,
      ]),
    ).rejects.toThrow(/append-only/);
    await database(api).query(`UPDATE consent SET ip = NULL WHERE user_id = $1`, [person.user.id]);
    // Repeating one's current choice adds nothing.
    await http.as(person).post('/api/v1/me/consents', { followupTracking: true }).expect(200);
    expect(await consents(person.user.id)).toHaveLength(1);
    await http.as(person).post('/api/v1/me/consents', { followupTracking: 'no' }).expect(400);
  });

  it('a withdrawn person gets no follow-up or survey email from the pass, their pending link dies, and consent can be given again', async () => {
    const cohort = await pastCohort(api, cast, 2);
    const [leaving, staying] = cohort.completers;
    const ids = cohort.completers.map((c) => c.enrollmentId);
    await eventually(async () => ((await followupsOf(api, ids)).length === 6 ? true : undefined));
    const scheduler = api.app.get(FollowupScheduler);
    // Ten days ago their 9-month follow-up fell due: both got a survey link (the 6-month one
    // was found too late and skipped).
    await scheduler.run({ now: daysFromNow(-10) });
    const firstEmails = await followupEmails(api, [leaving.userId]);
    expect(firstEmails.map((email) => email.template)).toEqual(['followup_due']);
    const token = firstEmails[0].params['surveyToken'];
    await http.anonymous
      .get(`/api/v1/survey/${token}`)
      .set('x-forwarded-for', uniqueIp())
      .expect(200);

    const tokens = api.app.get(AccessTokens);
    const leavingSession = {
      accessToken: (
        await tokens.issue({ id: leaving.userId, email: leaving.email, roles: ['trainee'] })
      ).accessToken,
    } as Session;
    const withdrawn = await http
      .as(leavingSession)
      .post('/api/v1/me/consents', { followupTracking: false })
      .expect(200);
    expect(withdrawn.body.status).toMatchObject({ required: false, followupTracking: false });
    expect(withdrawn.body.history[0]).toMatchObject({ method: 'profile', followupTracking: false });

    // The pending link is revoked at once, and the follow-up leaves the officers' calls.
    await http.anonymous
      .get(`/api/v1/survey/${token}`)
      .set('x-forwarded-for', uniqueIp())
      .expect(404);
    const afterWithdrawal = await followupsOf(api, [leaving.enrollmentId]);
    expect(afterWithdrawal.find((row) => row.horizon === 9)).toMatchObject({
      status: 'skipped',
      tokenHash: null,
    });

    // In 75 days the 12-month follow-up is due and the 9-month one reminded: only the other
    // person hears from the worker's pass.
    const report = await scheduler.run({ now: daysFromNow(75) });
    expect(report.emailed + report.reminded).toBeGreaterThan(0);
    expect((await followupEmails(api, [leaving.userId])).map((e) => e.template)).toEqual([
      'followup_due',
    ]);
    expect((await followupEmails(api, [staying.userId])).map((e) => e.template).sort()).toEqual([
      'followup_due',
      'followup_due',
      'followup_reminder',
    ]);
    const leavingRows = await followupsOf(api, [leaving.enrollmentId]);
    expect(leavingRows.map((row) => row.status)).toEqual(['skipped', 'skipped', 'skipped']);
    // What the law lets the platform keep stays: the completed enrollment and its follow-up rows.
    const [{ status }] = await database(api).query(`SELECT status FROM enrollment WHERE id = $1`, [
      leaving.enrollmentId,
    ]);
    expect(status).toBe('completed');

    // The officers' queue says not to call them.
    const queue = await http
      .as(cast.officer)
      .get(`/api/v1/followups?session=${cohort.sessionId}&status=skipped`)
      .expect(200);
    const mine = queue.body.items.filter(
      (item: { person: { id: string } }) => item.person.id === leaving.userId,
    );
    expect(mine.length).toBeGreaterThan(0);
    for (const item of mine) expect(item.person.followupWithdrawn).toBe(true);

    // While withdrawn, no follow-up is created for them; given again, they are.
    await database(api).query(`DELETE FROM followup WHERE enrollment_id = $1`, [
      leaving.enrollmentId,
    ]);
    await scheduler.schedule();
    expect(await followupsOf(api, [leaving.enrollmentId])).toEqual([]);
    const given = await http
      .as(leavingSession)
      .post('/api/v1/me/consents', { followupTracking: true })
      .expect(200);
    expect(given.body.status.followupTracking).toBe(true);
    expect(given.body.history.map((record: { method: string }) => record.method)).toEqual([
      'profile',
      'profile',
      'command',
    ]);
    await scheduler.schedule();
    expect(await followupsOf(api, [leaving.enrollmentId])).toHaveLength(3);

    // The export carries the whole history, oldest first, with how each record was collected.
    const exported = await http.as(leavingSession).get('/api/v1/me/export').expect(200);
    expect(
      exported.body.consents.map((c: { method: string; followupTracking: boolean }) => [
        c.method,
        c.followupTracking,
      ]),
    ).toEqual([
      ['command', true],
      ['profile', false],
      ['profile', true],
    ]);
    const audit = await database(api).query(
      `SELECT action FROM audit_event WHERE subject_id = $1 AND action LIKE 'consent.%' ORDER BY at`,
      [leaving.userId],
    );
    expect(audit.map((row: { action: string }) => row.action)).toEqual([
      'consent.followup_withdrawn',
      'consent.given',
    ]);
  });

  it('asks again after the notice version is bumped, and refuses enrolling until answered', async () => {
    const person = await register(api);
    await consentedToAnOlderNotice(person.user.id);
    const signedIn = await login(api, person.email, person.password);
    expect(signedIn.user).toMatchObject({
      consent: { required: true, reason: 'notice_updated', noticeVersion: '2025-01-01' },
    });
    const me = await http.as(signedIn).get('/api/v1/me').expect(200);
    expect(me.body.consent.required).toBe(true);

    const { sessionId } = await openSession(api, cast.trainer);
    const refused = await http
      .as(signedIn)
      .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline())
      .expect(403);
    expect(refused.body.code).toBe('consent_required');
    // The person's rights never wait: the export still works.
    await http.as(signedIn).get('/api/v1/me/export').expect(200);

    // They accept the new notice but refuse follow-up.
    const answered = await http
      .as(signedIn)
      .post('/api/v1/me/consents', { followupTracking: false })
      .expect(200);
    expect(answered.body.status).toMatchObject({
      required: false,
      noticeVersion: PERSONAL_DATA_NOTICE_VERSION,
      followupTracking: false,
    });
    expect(answered.body.history[0]).toMatchObject({ method: 'sign_in_prompt' });
    await http
      .as(signedIn)
      .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline())
      .expect(201);
    const [{ withdrawn }] = await database(api).query(
      `SELECT followup_withdrawn_at IS NOT NULL AS withdrawn FROM users WHERE id = $1`,
      [person.user.id],
    );
    expect(withdrawn).toBe(true);
  });

  it('records the consent of a person an administrator imports as collected by them, and asks the person to confirm it', async () => {
    const catalogue = cast;
    const { sessionId } = await openSession(api, catalogue.trainer);
    const email = `imported.${Date.now()}@example.ma`;
    await http
      .as(catalogue.admin)
      .post(`/api/v1/sessions/${sessionId}/enrollments/import?dryRun=false`, {
        csv: [
          'email,fullName,fullNameAr,gender,birthYear,regionCode,baselineSituation,educationLevel,completedOn',
          `${email},Personne Importée,,female,1997,MA-03,seeking,licence,`,
        ].join('\n'),
      })
      .expect(200);
    const [{ id }] = await database(api).query(`SELECT id FROM users WHERE email = $1`, [email]);
    expect(await consents(id)).toEqual([
      {
        method: 'staff_recorded',
        noticeVersion: PERSONAL_DATA_NOTICE_VERSION,
        followupTracking: true,
        recordedBy: catalogue.admin.user.id,
        ip: null,
      },
    ]);
    const [{ n }] = await database(api).query(
      `SELECT count(*)::int AS n FROM audit_event
        WHERE action = 'consent.staff_recorded' AND subject_id = $1 AND actor_id = $2`,
      [id, catalogue.admin.user.id],
    );
    expect(n).toBe(1);

    const { accessToken } = await api.app
      .get(AccessTokens)
      .issue({ id, email, roles: ['trainee'] });
    const person = { accessToken } as Session;
    const me = await http.as(person).get('/api/v1/me').expect(200);
    expect(me.body.consent).toMatchObject({ required: true, reason: 'staff_recorded' });
    const overview = await http.as(person).get('/api/v1/me/consents').expect(200);
    expect(overview.body.history[0]).toMatchObject({
      method: 'staff_recorded',
      recordedBy: 'admin',
    });

    const confirmed = await http
      .as(person)
      .post('/api/v1/me/consents', { followupTracking: true })
      .expect(200);
    expect(confirmed.body.status).toMatchObject({ required: false, followupTracking: true });
    expect(confirmed.body.history.map((r: { method: string }) => r.method)).toEqual([
      'sign_in_prompt',
      'staff_recorded',
    ]);
    expect((await http.as(person).get('/api/v1/me').expect(200)).body.consent.required).toBe(false);
  });

  it('never prompts staff-only accounts', async () => {
    const me = await http.as(cast.officer).get('/api/v1/me').expect(200);
    expect(me.body.consent.required).toBe(false);
  });
});
