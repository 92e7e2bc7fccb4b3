// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { EnrollmentCompleted, EnrollmentEvents } from '@oris/api/enrollments';
import { DataSource } from 'typeorm';
import { Cast, castOf, client, inDays, moduleBody } from '../catalogue/catalogue-client';
import { Session, signInWithRoles } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { baseline, openSession, pastSession } from './enrollment-client';

describe('enrollments: modules, attendance and completion', () => {
  let api: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;
  const completions: EnrollmentCompleted[] = [];

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
    http = client(api);
    api.app
      .get(EnrollmentEvents)
      .on('EnrollmentCompleted', (event) => void completions.push(event));
  });

  afterAll(() => api.close());

  const newTrainee = (): Promise<Session> => signInWithRoles(api, cast.admin, ['trainee']);

  describe('modules', () => {
    let sessionId: string;
    let moduleIds: string[];
    let draftId: string;
    let trainee: Session;
    let enrollmentId: string;

    beforeAll(async () => {
      ({ sessionId, moduleIds } = await openSession(api, cast.trainer, { modules: 2 }));
      const courseId = (
        await http.as(cast.trainer).get(`/api/v1/sessions/${sessionId}`).expect(200)
      ).body.course.id;
      const draft = await http
        .as(cast.trainer)
        .post(
          `/api/v1/courses/${courseId}/modules`,
          moduleBody({ title: 'Brouillon', content: 'secret' }),
        )
        .expect(201);
      draftId = draft.body.id;
      trainee = await newTrainee();
      enrollmentId = (
        await http
          .as(trainee)
          .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline())
          .expect(201)
      ).body.id;
    });

    it('shows the enrolled trainee the published modules only, with safe HTML', async () => {
      const outline = await http
        .as(trainee)
        .get(`/api/v1/enrollments/${enrollmentId}/modules`)
        .expect(200);
      expect(outline.body.modules.map((module: { id: string }) => module.id)).toEqual(moduleIds);
      expect(outline.body.modules[0]).toMatchObject({
        done: false,
        completedAt: null,
        required: true,
      });
      const module = await http
        .as(trainee)
        .get(`/api/v1/enrollments/${enrollmentId}/modules/${moduleIds[0]}`)
        .expect(200);
      expect(module.body.contentHtml).toContain('<strong>mission sociale</strong>');
      expect(module.body).not.toHaveProperty('content');
      await http
        .as(trainee)
        .get(`/api/v1/enrollments/${enrollmentId}/modules/${draftId}`)
        .expect(404);
      await http
        .as(trainee)
        .post(`/api/v1/enrollments/${enrollmentId}/modules/${draftId}/complete`)
        .expect(404);
    });

    it('marks a module done once, whatever the number of calls, and moves the progress', async () => {
      const first = await http
        .as(trainee)
        .post(`/api/v1/enrollments/${enrollmentId}/modules/${moduleIds[0]}/complete`)
        .expect(200);
      expect(first.body.progress).toMatchObject({ requiredDone: 1, requiredTotal: 2, percent: 50 });
      const again = await http
        .as(trainee)
        .post(`/api/v1/enrollments/${enrollmentId}/modules/${moduleIds[0]}/complete`)
        .expect(200);
      expect(again.body).toEqual(first.body);
      const mine = await http.as(trainee).get('/api/v1/me/enrollments').expect(200);
      expect(mine.body.items[0].progress.percent).toBe(50);
    });

    it('does not let another trainee see the enrollment nor mark its modules, nor a trainer of another session read it', async () => {
      const other = await newTrainee();
      await http.as(other).get(`/api/v1/enrollments/${enrollmentId}`).expect(404);
      await http.as(other).get(`/api/v1/enrollments/${enrollmentId}/modules`).expect(404);
      await http
        .as(other)
        .post(`/api/v1/enrollments/${enrollmentId}/modules/${moduleIds[1]}/complete`)
        .expect(404);
      await http.as(cast.otherTrainer).get(`/api/v1/enrollments/${enrollmentId}`).expect(404);
      // The session's trainer reads the enrollment, but does not follow modules for the trainee.
      await http.as(cast.trainer).get(`/api/v1/enrollments/${enrollmentId}`).expect(200);
      await http
        .as(cast.trainer)
        .post(`/api/v1/enrollments/${enrollmentId}/modules/${moduleIds[1]}/complete`)
        .expect(404);
    });

    it('opens the modules only once the seat is confirmed', async () => {
      const small = await openSession(api, cast.trainer, { session: { capacity: 1 } });
      await http
        .as(await newTrainee())
        .post(`/api/v1/sessions/${small.sessionId}/enrollments`, baseline())
        .expect(201);
      const waiting = await newTrainee();
      const queued = await http
        .as(waiting)
        .post(`/api/v1/sessions/${small.sessionId}/enrollments`, baseline())
        .expect(201);
      const response = await http
        .as(waiting)
        .get(`/api/v1/enrollments/${queued.body.id}/modules`)
        .expect(409);
      expect(response.body.code).toBe('seat_not_confirmed');
    });
  });

  describe('completion rule', () => {
    let sessionId: string;
    let moduleIds: string[];
    let meetingIds: string[];
    let trainee: Session;
    let enrollmentId: string;

    beforeAll(async () => {
      ({ sessionId, moduleIds, meetingIds } = await openSession(api, cast.trainer, {
        course: {
          completionRule: {
            requiredModules: true,
            minAttendancePercent: 50,
            trainerValidation: true,
          },
        },
        modules: 2,
        planner: cast.admin,
        session: pastSession(12, 11),
        status: 'running',
      }));
      trainee = await newTrainee();
      const enrolled = await http
        .as(cast.admin)
        .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline({ userId: trainee.user.id }))
        .expect(201);
      enrollmentId = enrolled.body.id;
    });

    const complete = (who: Session, body: object = {}) =>
      http.as(who).post(`/api/v1/enrollments/${enrollmentId}/complete`, body);

    it('refuses each unmet criterion with 409 naming it and its figures, until all are met', async () => {
      const none = await complete(cast.trainer).expect(409);
      expect(none.body).toMatchObject({ code: 'required_modules_incomplete' });
      expect(none.body.detail).toContain('required_modules: 0 of 2 required modules done');
      expect(none.body.detail).toContain(
        'attendance: attended 0 of 2 meetings held (0%); 50% required',
      );

      for (const moduleId of moduleIds) {
        await http
          .as(trainee)
          .post(`/api/v1/enrollments/${enrollmentId}/modules/${moduleId}/complete`)
          .expect(200);
      }
      const attendance = await complete(cast.trainer).expect(409);
      expect(attendance.body).toMatchObject({
        code: 'attendance_below_threshold',
        detail: 'Not met — attendance: attended 0 of 2 meetings held (0%); 50% required.',
      });
      const check = await http.as(trainee).get(`/api/v1/enrollments/${enrollmentId}`).expect(200);
      expect(check.body.completionCheck).toMatchObject({
        met: false,
        meetingsHeld: 2,
        meetingsAttended: 0,
      });

      const sheet = await http
        .as(cast.trainer)
        .put(`/api/v1/sessions/${sessionId}/meetings/${meetingIds[0]}/attendance`, {
          entries: [{ enrollmentId, present: true }],
        })
        .expect(200);
      expect(sheet.body.rows).toEqual([
        expect.objectContaining({ enrollmentId, attended: 1, percent: 50 }),
      ]);

      const done = await complete(cast.trainer).expect(200);
      expect(done.body).toMatchObject({
        status: 'completed',
        completedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        validatedBy: cast.trainer.user.id,
        completionCheck: { met: true },
      });
      expect(
        done.body.completionCheck.criteria.map((c: { criterion: string }) => c.criterion),
      ).toEqual(['required_modules', 'attendance', 'trainer_validation']);
      await complete(cast.trainer).expect(409);
      await waitUntil(() => completions.some((event) => event.enrollmentId === enrollmentId));
      expect(completions.find((event) => event.enrollmentId === enrollmentId)).toMatchObject({
        userId: trainee.user.id,
        sessionId,
        completedOn: done.body.completedOn,
        validatedBy: cast.trainer.user.id,
      });
    });

    it('takes attendance only from the session’s staff, for enrollees holding a seat', async () => {
      const other = await newTrainee();
      await http
        .as(cast.otherTrainer)
        .put(`/api/v1/sessions/${sessionId}/meetings/${meetingIds[1]}/attendance`, {
          entries: [{ enrollmentId, present: true }],
        })
        .expect(403);
      await http.as(other).get(`/api/v1/sessions/${sessionId}/attendance`).expect(403);
      const stranger = await http
        .as(cast.trainer)
        .put(`/api/v1/sessions/${sessionId}/meetings/${meetingIds[1]}/attendance`, {
          entries: [
            { enrollmentId, present: true },
            { enrollmentId: cast.admin.user.id, present: false },
          ],
        })
        .expect(400);
      expect(stranger.body.errors).toEqual([
        expect.objectContaining({ field: 'entries.1.enrollmentId' }),
      ]);
      const sheet = await http
        .as(cast.trainer)
        .get(`/api/v1/sessions/${sessionId}/attendance`)
        .expect(200);
      expect(sheet.body).toMatchObject({ meetingsHeld: 2 });
      expect(sheet.body.meetings.map((meeting: { id: string }) => meeting.id)).toEqual(meetingIds);
    });
  });

  it('lets an administrator enroll someone in a past session and complete it with a past completedOn; a trainer may not back-date', async () => {
    const { sessionId } = await openSession(api, cast.trainer, {
      course: {
        completionRule: {
          requiredModules: false,
          minAttendancePercent: null,
          trainerValidation: true,
        },
      },
      planner: cast.admin,
      session: pastSession(200, 196),
      status: 'completed',
    });
    const person = await newTrainee();
    await http
      .as(cast.trainer)
      .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline({ userId: person.user.id }))
      .expect(409);
    const enrolled = await http
      .as(cast.admin)
      .post(
        `/api/v1/sessions/${sessionId}/enrollments`,
        baseline({ userId: person.user.id, baselineSituation: 'employed' }),
      )
      .expect(201);
    expect(enrolled.body).toMatchObject({
      status: 'confirmed',
      onBehalf: true,
      baselineSituation: 'employed',
    });
    const id = enrolled.body.id;

    const backDated = await http
      .as(cast.trainer)
      .post(`/api/v1/enrollments/${id}/complete`, { completedOn: inDays(-196) })
      .expect(400);
    expect(backDated.body.errors).toEqual([
      { field: 'completedOn', message: 'only administrators record a past completion date' },
    ]);
    await http
      .as(cast.admin)
      .post(`/api/v1/enrollments/${id}/complete`, { completedOn: inDays(-201) })
      .expect(400);
    await http
      .as(cast.admin)
      .post(`/api/v1/enrollments/${id}/complete`, { completedOn: inDays(3) })
      .expect(400);
    await http
      .as(cast.admin)
      .post(`/api/v1/enrollments/${id}/complete`, { completedOn: '2025-02-30' })
      .expect(400);
    const done = await http
      .as(cast.admin)
      .post(`/api/v1/enrollments/${id}/complete`, { completedOn: inDays(-196) })
      .expect(200);
    expect(done.body).toMatchObject({
      status: 'completed',
      completedOn: inDays(-196),
      validatedBy: cast.admin.user.id,
    });
    // Nothing is emailed about a cohort that ended long ago.
    const mine = await http.as(person).get('/api/v1/me/enrollments').expect(200);
    expect(mine.body.items[0]).toMatchObject({ status: 'completed', completedOn: inDays(-196) });
  });

  it('lets an administrator attest a past cohort’s completion the records do not show, audited; the session’s trainer keeps the rule', async () => {
    // The course asks for its required modules and 80 % attendance; the past cohort has neither.
    const { sessionId } = await openSession(api, cast.trainer, {
      planner: cast.admin,
      session: pastSession(120, 116),
      status: 'completed',
    });
    const enroll = async () =>
      (
        await http
          .as(cast.admin)
          .post(
            `/api/v1/sessions/${sessionId}/enrollments`,
            baseline({ userId: (await newTrainee()).user.id }),
          )
          .expect(201)
      ).body.id as string;
    const [byTrainer, byAdmin] = [await enroll(), await enroll()];

    const refused = await http
      .as(cast.trainer)
      .post(`/api/v1/enrollments/${byTrainer}/complete`)
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'required_modules_incomplete' });

    const attested = await http
      .as(cast.admin)
      .post(`/api/v1/enrollments/${byAdmin}/complete`, { completedOn: inDays(-116) })
      .expect(200);
    expect(attested.body).toMatchObject({
      status: 'completed',
      completedOn: inDays(-116),
      validatedBy: cast.admin.user.id,
      completionAttestation: {
        by: { id: cast.admin.user.id, fullName: expect.any(String) },
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
    });
    const staffList = await http
      .as(cast.trainer)
      .get(`/api/v1/sessions/${sessionId}/enrollments`)
      .expect(200);
    const byId = new Map(
      staffList.body.items.map((item: { id: string; completionAttestation: unknown }) => [
        item.id,
        item.completionAttestation,
      ]),
    );
    expect(byId.get(byAdmin)).toMatchObject({ by: { id: cast.admin.user.id } });
    expect(byId.get(byTrainer)).toBeNull();
    const trail = await api.app
      .get(DataSource)
      .query(
        `SELECT actor_id AS "actorId", data FROM audit_event WHERE action = 'enrollment.completion_attested' AND subject_id = $1`,
        [byAdmin],
      );
    expect(trail).toEqual([
      {
        actorId: cast.admin.user.id,
        data: {
          sessionId,
          completedOn: inDays(-116),
          unmet: 'required_modules,attendance',
          via: 'api',
        },
      },
    ]);
  });

  it('keeps the course’s rule for an administrator while the session runs: attesting is for a session that has ended', async () => {
    const { sessionId } = await openSession(api, cast.trainer, { status: 'running' });
    const trainee = await newTrainee();
    const id = (
      await http
        .as(cast.admin)
        .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline({ userId: trainee.user.id }))
        .expect(201)
    ).body.id;
    const refused = await http
      .as(cast.admin)
      .post(`/api/v1/enrollments/${id}/complete`)
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'required_modules_incomplete' });
  });

  it('marks a confirmed enrollment not completed, and it can be completed later', async () => {
    const { sessionId } = await openSession(api, cast.trainer, {
      course: {
        completionRule: {
          requiredModules: false,
          minAttendancePercent: null,
          trainerValidation: true,
        },
      },
    });
    const trainee = await newTrainee();
    const enrolled = await http
      .as(trainee)
      .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline())
      .expect(201);
    const id = enrolled.body.id;
    const notCompleted = await http
      .as(cast.trainer)
      .post(`/api/v1/enrollments/${id}/not-completed`)
      .expect(200);
    expect(notCompleted.body).toMatchObject({
      status: 'not_completed',
      completedOn: null,
      validatedBy: cast.trainer.user.id,
    });
    await http.as(cast.trainer).post(`/api/v1/enrollments/${id}/not-completed`).expect(409);
    await http.as(trainee).post(`/api/v1/enrollments/${id}/complete`).expect(403);
    const completed = await http
      .as(cast.trainer)
      .post(`/api/v1/enrollments/${id}/complete`)
      .expect(200);
    expect(completed.body.status).toBe('completed');
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
