// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { Cast, castOf, client, inDays } from '../catalogue/catalogue-client';
import { Session, signInWithRoles } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { baseline, openSession, outboxRows } from './enrollment-client';

describe('enrollments: admission, approval, withdrawal and cancellation', () => {
  let api: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
    http = client(api);
  });

  afterAll(() => api.close());

  const newTrainee = (): Promise<Session> => signInWithRoles(api, cast.admin, ['trainee']);
  const enroll = (who: Session, sessionId: string, body: object = baseline()) =>
    http.as(who).post(`/api/v1/sessions/${sessionId}/enrollments`, body);

  it('confirms a trainee with a seat, keeping the baseline and the region at enrollment', async () => {
    const { sessionId } = await openSession(api, cast.trainer);
    const trainee = await newTrainee();
    const response = await enroll(
      trainee,
      sessionId,
      baseline({ baselineSituation: 'student' }),
    ).expect(201);
    expect(response.body).toMatchObject({
      status: 'confirmed',
      waitlistPosition: null,
      baselineSituation: 'student',
      educationLevel: 'licence',
      regionCode: 'MA-06',
      onBehalf: false,
      person: { id: trainee.user.id, fullName: 'Fatima Zahra Alaoui' },
      session: { id: sessionId, status: 'open', course: { code: expect.any(String) } },
      progress: { requiredDone: 0, requiredTotal: 1, percent: 0 },
    });
    expect(response.body.confirmedAt).toEqual(expect.any(String));
  });

  it('refuses a second enrollment of the same person in the same session with 409', async () => {
    const { sessionId } = await openSession(api, cast.trainer);
    const trainee = await newTrainee();
    await enroll(trainee, sessionId).expect(201);
    const again = await enroll(trainee, sessionId).expect(409);
    expect(again.body).toMatchObject({
      code: 'already_enrolled',
      detail: expect.stringContaining('confirmed'),
    });
  });

  it('names the reason when enrollment is outside the window or the session is not open', async () => {
    const trainee = await newTrainee();
    const early = await openSession(api, cast.trainer, {
      session: { opensOn: inDays(5), closesOn: inDays(10) },
    });
    const notYet = await enroll(trainee, early.sessionId).expect(409);
    expect(notYet.body).toMatchObject({
      code: 'enrollment_not_yet_open',
      detail: `Enrollment opens on ${inDays(5)}.`,
    });

    const late = await openSession(api, cast.trainer, {
      session: { opensOn: inDays(-10), closesOn: inDays(-2) },
    });
    const closed = await enroll(trainee, late.sessionId).expect(409);
    expect(closed.body).toMatchObject({
      code: 'enrollment_closed',
      detail: `Enrollment closed on ${inDays(-2)}.`,
    });

    const planned = await openSession(api, cast.trainer, { status: 'planned' });
    const notOpen = await enroll(trainee, planned.sessionId).expect(409);
    expect(notOpen.body).toMatchObject({
      code: 'session_not_open',
      detail: expect.stringContaining('planned'),
    });
  });

  it('validates the baseline: unknown values and fields are refused, naming them', async () => {
    const { sessionId } = await openSession(api, cast.trainer);
    const trainee = await newTrainee();
    const response = await enroll(trainee, sessionId, {
      baselineSituation: 'retired',
      educationLevel: 'licence',
      status: 'confirmed',
    }).expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'baselineSituation',
      'status',
    ]);
  });

  it('lets a trainer of the session enroll someone on their behalf, but not a trainee nor another trainer', async () => {
    const { sessionId } = await openSession(api, cast.trainer);
    const person = await newTrainee();
    const other = await newTrainee();
    const byTrainee = await enroll(other, sessionId, baseline({ userId: person.user.id })).expect(
      403,
    );
    expect(byTrainee.body.code).toBe('on_behalf_not_allowed');
    await enroll(cast.otherTrainer, sessionId, baseline({ userId: person.user.id })).expect(403);
    const byTrainer = await enroll(
      cast.trainer,
      sessionId,
      baseline({ userId: person.user.id }),
    ).expect(201);
    expect(byTrainer.body).toMatchObject({
      status: 'confirmed',
      onBehalf: true,
      person: { id: person.user.id },
    });
  });

  it('queues a trainee’s request for approval, then the staff approve or reject it', async () => {
    const { sessionId } = await openSession(api, cast.trainer, {
      session: { approvalRequired: true, capacity: 1 },
    });
    const [first, second, third] = await Promise.all([newTrainee(), newTrainee(), newTrainee()]);
    const a = await enroll(first, sessionId).expect(201);
    const b = await enroll(second, sessionId).expect(201);
    const c = await enroll(third, sessionId).expect(201);
    expect([a, b, c].map((r) => r.body.status)).toEqual(['pending', 'pending', 'pending']);
    expect(await outboxRows(api, 'enrollment_pending', [first.user.id])).toHaveLength(1);

    await http.as(first).post(`/api/v1/enrollments/${a.body.id}/approve`).expect(403);
    await http.as(cast.otherTrainer).post(`/api/v1/enrollments/${a.body.id}/approve`).expect(404);
    const approved = await http
      .as(cast.trainer)
      .post(`/api/v1/enrollments/${a.body.id}/approve`)
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'confirmed' });
    const full = await http
      .as(cast.admin)
      .post(`/api/v1/enrollments/${b.body.id}/approve`)
      .expect(200);
    expect(full.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const rejected = await http
      .as(cast.trainer)
      .post(`/api/v1/enrollments/${c.body.id}/reject`)
      .expect(200);
    expect(rejected.body).toMatchObject({ status: 'withdrawn', withdrawalReason: 'rejected' });
    await http.as(cast.trainer).post(`/api/v1/enrollments/${c.body.id}/approve`).expect(409);

    expect(await outboxRows(api, 'enrollment_approved', [first.user.id])).toHaveLength(1);
    expect(await outboxRows(api, 'enrollment_waitlisted', [second.user.id])).toEqual([
      expect.objectContaining({ params: expect.objectContaining({ position: '1' }) }),
    ]);
    // The staff enrolling someone are the approvers: no pending step.
    const person = await newTrainee();
    const direct = await enroll(
      cast.trainer,
      sessionId,
      baseline({ userId: person.user.id }),
    ).expect(201);
    expect(direct.body.status).toBe('waitlisted');
  });

  it('lets the trainee and administrators withdraw, but not a trainer; a withdrawn trainee may enroll again', async () => {
    const { sessionId } = await openSession(api, cast.trainer);
    const trainee = await newTrainee();
    const enrollment = await enroll(trainee, sessionId).expect(201);
    const byTrainer = await http
      .as(cast.trainer)
      .post(`/api/v1/enrollments/${enrollment.body.id}/withdraw`)
      .expect(403);
    expect(byTrainer.body.code).toBe('withdrawal_not_allowed');
    const byAdmin = await http
      .as(cast.admin)
      .post(`/api/v1/enrollments/${enrollment.body.id}/withdraw`)
      .expect(200);
    expect(byAdmin.body).toMatchObject({ status: 'withdrawn', withdrawalReason: 'staff' });
    await http.as(trainee).post(`/api/v1/enrollments/${enrollment.body.id}/withdraw`).expect(409);
    const again = await enroll(trainee, sessionId).expect(201);
    expect(again.body.id).not.toBe(enrollment.body.id);
  });

  it('lists my enrollments with their course, session and progress, and nobody else’s', async () => {
    const { sessionId } = await openSession(api, cast.trainer, { modules: 2 });
    const trainee = await newTrainee();
    const other = await newTrainee();
    await enroll(trainee, sessionId).expect(201);
    await enroll(other, sessionId).expect(201);
    const mine = await http.as(trainee).get('/api/v1/me/enrollments').expect(200);
    expect(mine.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(mine.body.items[0]).toMatchObject({
      person: { id: trainee.user.id },
      session: { id: sessionId, course: { title: expect.any(String) } },
      progress: { requiredTotal: 2, requiredDone: 0, percent: 0 },
    });
  });

  it('lets only the session’s staff list its enrollments: 403 for a trainer of another session and for trainees', async () => {
    const { sessionId } = await openSession(api, cast.trainer);
    const trainee = await newTrainee();
    await enroll(trainee, sessionId).expect(201);
    await http.as(cast.otherTrainer).get(`/api/v1/sessions/${sessionId}/enrollments`).expect(403);
    await http.as(trainee).get(`/api/v1/sessions/${sessionId}/enrollments`).expect(403);
    const list = await http
      .as(cast.trainer)
      .get(`/api/v1/sessions/${sessionId}/enrollments`)
      .expect(200);
    expect(list.body.total).toBe(1);
    const admin = await http
      .as(cast.admin)
      .get(`/api/v1/sessions/${sessionId}/enrollments?status=waitlisted`)
      .expect(200);
    expect(admin.body.total).toBe(0);
    await http
      .as(cast.admin)
      .get(`/api/v1/sessions/${sessionId}/enrollments?status=lost`)
      .expect(400);
  });

  it('withdraws every open enrollment of a cancelled session, frees the seats and emails the enrollees', async () => {
    const { sessionId } = await openSession(api, cast.trainer, { session: { capacity: 1 } });
    const [seated, waiting] = await Promise.all([newTrainee(), newTrainee()]);
    const a = await enroll(seated, sessionId).expect(201);
    await enroll(waiting, sessionId).expect(201);
    await http
      .as(cast.trainer)
      .post(`/api/v1/sessions/${sessionId}/status`, { status: 'cancelled' })
      .expect(200);
    const seen = await http.as(seated).get(`/api/v1/enrollments/${a.body.id}`).expect(200);
    expect(seen.body).toMatchObject({ status: 'withdrawn', withdrawalReason: 'session_cancelled' });
    const mails = await outboxRows(api, 'session_cancelled', [seated.user.id, waiting.user.id]);
    expect(mails.map((mail) => mail.userId).sort()).toEqual(
      [seated.user.id, waiting.user.id].sort(),
    );
    const session = await http.as(cast.trainer).get(`/api/v1/sessions/${sessionId}`).expect(200);
    expect(session.body).toMatchObject({ status: 'cancelled', confirmedCount: 0 });
    const late = await enroll(await newTrainee(), sessionId).expect(404);
    expect(late.body.code).toBe('session_not_found');
    const byAdmin = await enroll(
      cast.admin,
      sessionId,
      baseline({ userId: seated.user.id }),
    ).expect(409);
    expect(byAdmin.body.code).toBe('session_cancelled');
  });
});
