import { castOf, Cast, client, inDays } from '../catalogue/catalogue-client';
import { baseline, OpenSession, openSession, pastSession } from '../enrollments/enrollment-client';
import { Session, signInWithRoles } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';

const HEADER =
  'email,fullName,fullNameAr,gender,birthYear,regionCode,baselineSituation,educationLevel,completedOn';

describe('staff never act on their own enrollment, nor for people outside their sessions', () => {
  let api: TestApp;
  let cast: Cast;
  /** A trainer who is also a trainee, enrolled in a session they teach. */
  let teacher: Session;
  let session: OpenSession;
  let ownEnrollmentId: string;
  const http = () => client(api);

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
    teacher = await signInWithRoles(api, cast.admin, ['trainer', 'trainee']);
    session = await openSession(api, teacher, {
      planner: cast.admin,
      session: pastSession(6, 5),
      status: 'running',
    });
    const enrolled = await http()
      .as(cast.admin)
      .post(
        `/api/v1/sessions/${session.sessionId}/enrollments`,
        baseline({ userId: teacher.user.id }),
      )
      .expect(201);
    ownEnrollmentId = enrolled.body.id;
  });

  afterAll(() => api.close());

  it('refuses a trainer validating their own completion, or marking it not completed', async () => {
    for (const action of ['complete', 'not-completed']) {
      const response = await http()
        .as(teacher)
        .post(`/api/v1/enrollments/${ownEnrollmentId}/${action}`)
        .expect(403);
      expect(response.body.code).toBe('own_record');
    }
    // Another member of the staff decides (here the rule is not met yet: a 409, not a 403).
    const byAdmin = await http()
      .as(cast.admin)
      .post(`/api/v1/enrollments/${ownEnrollmentId}/complete`);
    expect(byAdmin.status).not.toBe(403);
  });

  it('refuses a trainer marking their own attendance, and records nothing', async () => {
    const url = `/api/v1/sessions/${session.sessionId}/meetings/${session.meetingIds[0]}/attendance`;
    const refused = await http()
      .as(teacher)
      .put(url, { entries: [{ enrollmentId: ownEnrollmentId, present: true }] })
      .expect(403);
    expect(refused.body.code).toBe('own_record');
    const sheet = await http()
      .as(cast.admin)
      .get(`/api/v1/sessions/${session.sessionId}/attendance`)
      .expect(200);
    expect(JSON.stringify(sheet.body)).not.toContain('"present":true');
    await http()
      .as(cast.admin)
      .put(url, { entries: [{ enrollmentId: ownEnrollmentId, present: true }] })
      .expect(200);
  });

  it('refuses an administrator importing themselves, as a past completion or otherwise', async () => {
    const csv = `${HEADER}\n${cast.admin.email},Nadia Berrada,,female,1990,MA-06,seeking,licence,${inDays(-5)}`;
    const response = await http()
      .as(cast.admin)
      .post(`/api/v1/sessions/${session.sessionId}/enrollments/import?dryRun=true`, { csv })
      .expect(200);
    expect(response.body.problems).toEqual([
      { line: 2, field: 'email', code: 'self_import', reason: 'you cannot import yourself' },
    ]);
  });

  it('refuses a trainer enrolling someone in a session they are not staff of', async () => {
    const open = await openSession(api, teacher);
    const response = await http()
      .as(cast.otherTrainer)
      .post(
        `/api/v1/sessions/${open.sessionId}/enrollments`,
        baseline({ userId: cast.trainee.user.id }),
      )
      .expect(403);
    expect(response.body.code).toBe('on_behalf_not_allowed');
    // Staff of the session may.
    await http()
      .as(teacher)
      .post(
        `/api/v1/sessions/${open.sessionId}/enrollments`,
        baseline({ userId: cast.trainee.user.id }),
      )
      .expect(201);
  });
});
