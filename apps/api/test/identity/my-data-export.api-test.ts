// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { client, inDays } from '../catalogue/catalogue-client';
import { baseline, openSession, pastSession } from '../enrollments/enrollment-client';
import { answerBody, followupsOf } from '../followups/followup-support';
import { eventually } from '../notifications/outbox-support';
import { placementBody, PlacementCast, placementCast } from '../placements/placement-client';
import type { TestApp } from '../support/test-app';
import { register, Session } from './support/identity-client';
import { startIdentityTestApp } from './support/identity-test-app';

interface Person {
  session: Session;
  enrollmentId: string;
  certificateId: string;
  placementId: string;
}

/**
 * Law 09-08 right of access: GET /me/export holds every category of data about the person, in
 * JSON and as an HTML document, and nothing about anyone else (other trainees, the staff).
 */
describe('GET /v1/me/export', () => {
  let api: TestApp;
  let cast: PlacementCast;
  let http: ReturnType<typeof client>;
  let me: Person;
  let other: Person;

  /** Each person's own phone, written the national way; the export gives it in E.164. */
  let phones = 0;
  const nextPhone = () => `06 12 34 56 ${String(++phones).padStart(2, '0')}`;

  /** A trainee with data in every category, on the same session as the other one. */
  async function personWithEverything(
    sessionId: string,
    moduleId: string,
    meetingIds: string[],
    fullName: string,
  ): Promise<Person> {
    const session = await register(api, { fullName, phone: nextPhone() });
    const enrollmentId = (
      await http
        .as(cast.admin)
        .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline({ userId: session.user.id }))
        .expect(201)
    ).body.id as string;
    await http
      .as(session)
      .post(`/api/v1/enrollments/${enrollmentId}/modules/${moduleId}/complete`)
      .expect(200);
    for (const meetingId of meetingIds)
      await http
        .as(cast.trainer)
        .put(`/api/v1/sessions/${sessionId}/meetings/${meetingId}/attendance`, {
          entries: [{ enrollmentId, present: true }],
        })
        .expect(200);
    await http.as(cast.trainer).post(`/api/v1/enrollments/${enrollmentId}/complete`).expect(200);
    const certificateId = (
      await http.as(cast.admin).post(`/api/v1/enrollments/${enrollmentId}/certificate`).expect(201)
    ).body.id as string;
    const placementId = (
      await http
        .as(cast.officer)
        .post(
          '/api/v1/placements',
          placementBody(session.user.id, { enrollmentId, startOn: inDays(0) }),
        )
        .expect(201)
    ).body.id as string;
    await http
      .as(cast.officer)
      .patch(`/api/v1/placements/${placementId}`, { position: 'Coordinatrice de projets' })
      .expect(200);
    // Completion schedules the 6-, 9- and 12-month follow-ups in the background.
    await eventually(async () =>
      (await followupsOf(api, [enrollmentId])).length === 3 ? true : undefined,
    );
    const [sixMonths] = await followupsOf(api, [enrollmentId]);
    await http
      .as(cast.officer)
      .post(`/api/v1/followups/${sixMonths.id}/answer`, {
        ...answerBody(),
        note: `Appel : ${fullName} en poste.`,
      })
      .expect(200);
    return { session, enrollmentId, certificateId, placementId };
  }

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await placementCast(api);
    http = client(api);
    const { sessionId, moduleIds, meetingIds } = await openSession(api, cast.trainer, {
      modules: 1,
      planner: cast.admin,
      session: pastSession(12, 11),
      status: 'running',
    });
    me = await personWithEverything(sessionId, moduleIds[0], meetingIds, 'Salma Idrissi');
    other = await personWithEverything(sessionId, moduleIds[0], meetingIds, 'Karim Alaoui');
  });

  afterAll(() => api.close());

  it('holds every category of the person’s data, and nothing of anyone else', async () => {
    const response = await http.as(me.session).get('/api/v1/me/export').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="oris-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = response.body;

    expect(data.profile).toMatchObject({
      id: me.session.user.id,
      email: me.session.email,
      phone: expect.stringMatching(/^\+21261234560\d$/),
      fullName: 'Salma Idrissi',
      roles: ['trainee'],
    });
    expect(data.consents).toEqual([
      expect.objectContaining({ purpose: expect.any(String), noticeVersion: expect.any(String) }),
    ]);
    expect(data.enrollments).toEqual([
      expect.objectContaining({
        id: me.enrollmentId,
        status: 'completed',
        baseline: expect.objectContaining({ situation: 'seeking' }),
        moduleProgress: [expect.objectContaining({ position: 1 })],
        attendance: [
          expect.objectContaining({ present: true }),
          expect.objectContaining({ present: true }),
        ],
      }),
    ]);
    expect(data.certificates).toEqual([
      expect.objectContaining({
        id: me.certificateId,
        holderName: 'Salma Idrissi',
        verificationUrl: expect.stringMatching(/\/verify\/[\w-]+$/),
      }),
    ]);
    const answered = data.followUps.find((f: { status: string }) => f.status === 'answered');
    expect(answered).toMatchObject({
      horizonMonths: 6,
      answerChannel: 'phone',
      note: 'Appel : Salma Idrissi en poste.',
    });
    expect(data.followUps.map((f: { horizonMonths: number }) => f.horizonMonths)).toEqual([
      6, 9, 12,
    ]);
    expect(data.placements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: me.placementId,
          versions: [
            expect.objectContaining({ version: 1, position: 'Chargée de projets' }),
            expect.objectContaining({ version: 2, position: 'Coordinatrice de projets' }),
          ],
        }),
        // The situation the follow-up answer recorded.
        expect.objectContaining({
          id: answered.placementId,
          versions: [expect.objectContaining({ position: 'Responsable qualité' })],
        }),
      ]),
    );
    expect(data.placements).toHaveLength(2);
    const actions = data.auditEvents.map((e: { action: string; actor: string }) => [
      e.action,
      e.actor,
    ]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['certificate.issued', 'admin'],
        ['placement.created', 'placement_officer'],
        ['followup.answered', 'placement_officer'],
        ['personal_data.exported', 'you'],
      ]),
    );

    const text = JSON.stringify(data);
    const strangers = [other.session, cast.admin, cast.trainer, cast.officer];
    for (const stranger of strangers) {
      expect(text).not.toContain(stranger.user.id);
      expect(text).not.toContain(stranger.email);
    }
    for (const id of [other.enrollmentId, other.certificateId, other.placementId])
      expect(text).not.toContain(id);
    expect(text).not.toContain('Karim Alaoui');
    expect(text).not.toMatch(/password|token/i);
  });

  it('is an audit event of its own, and answers each person with their data only', async () => {
    const theirs = await http.as(other.session).get('/api/v1/me/export').expect(200);
    expect(theirs.body.profile.id).toBe(other.session.user.id);
    expect(JSON.stringify(theirs.body)).not.toContain(me.session.user.id);
    const events: { actor_id: string; data: { format: string } }[] = await api.app
      .get(DataSource)
      .query(
        `SELECT actor_id, data FROM audit_event WHERE action = 'personal_data.exported' AND subject_id = $1`,
        [other.session.user.id],
      );
    expect(events).toEqual([{ actor_id: other.session.user.id, data: { format: 'json' } }]);
  });

  it('renders a readable HTML download in the person’s language that runs no script', async () => {
    const person = await register(api, {
      fullName: '<script>alert(1)</script> Nora',
      locale: 'ar',
    });
    const response = await http.as(person).get('/api/v1/me/export?format=html').expect(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="oris-my-data-\d{4}-\d{2}-\d{2}\.html"$/,
    );
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    const html = response.text;
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('بياناتي');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Nora');
    expect(html).not.toContain('<script');
    expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
  });

  it('refuses an unknown format with 400, and strangers with 401', async () => {
    const bad = await http.as(me.session).get('/api/v1/me/export?format=pdf').expect(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    await http.anonymous.get('/api/v1/me/export').expect(401);
  });

  it('limits exports per account with 429 and Retry-After', async () => {
    const person = await register(api);
    for (let attempt = 0; attempt < 10; attempt += 1)
      await http.as(person).get('/api/v1/me/export').expect(200);
    const refused = await http.as(person).get('/api/v1/me/export').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
