import { castOf, Cast, client } from '../catalogue/catalogue-client';
import {
  CertificateTestApp,
  database,
  sessionWithCompleters,
  startCertificateTestApp,
} from '../certificates/certificate-support';
import { baseline, openSession } from '../enrollments/enrollment-client';
import { Session, signInWithRoles } from '../identity/support/identity-client';

/**
 * "Someone else's object", for every kind of object a person can own today: each is refused to
 * another person of the same role (404: its existence is not even confirmed) while its owner, or
 * the staff entitled to it, get it. Objects without an owner among non-staff (placements,
 * follow-ups, indicator exports) are closed by role, which the access matrix proves route by route.
 */
describe('access matrix: someone else’s object', () => {
  let api: CertificateTestApp;
  let cast: Cast;
  let owner: Session;
  let stranger: Session;
  let http: ReturnType<typeof client>;
  let enrollmentId: string;
  let moduleId: string;
  let certificateId: string;
  let jobId: string;

  beforeAll(async () => {
    api = await startCertificateTestApp();
    cast = await castOf(api);
    http = client(api);
    [owner, stranger] = await Promise.all([
      signInWithRoles(api, cast.admin, ['trainee']),
      signInWithRoles(api, cast.admin, ['trainee']),
    ]);
    // An enrollment (with its progress) of `owner` in a session of `cast.trainer`.
    const session = await openSession(api, cast.trainer);
    moduleId = session.moduleIds[0];
    const enrolled = await http
      .as(owner)
      .post(`/api/v1/sessions/${session.sessionId}/enrollments`, baseline())
      .expect(201);
    enrollmentId = enrolled.body.id;
    // A certificate of `owner`, and a batch started by an administrator.
    const completed = await sessionWithCompleters(api, cast.trainer, cast.admin, 1);
    await database(api).query(`UPDATE enrollment SET user_id = $1 WHERE id = $2`, [
      owner.user.id,
      completed.enrollmentIds[0],
    ]);
    const issued = await http
      .as(cast.admin)
      .post(`/api/v1/enrollments/${completed.enrollmentIds[0]}/certificate`)
      .expect(201);
    certificateId = issued.body.id;
    const batch = await http
      .as(cast.admin)
      .post(`/api/v1/sessions/${completed.sessionId}/certificates`)
      .expect(202);
    jobId = batch.body.jobId;
  });

  afterAll(() => api.close());

  const statusOf = async (who: Session, method: 'get' | 'post', url: string) =>
    (await http.as(who)[method](url)).status;

  it('an enrollment: its trainee and the session’s staff see it; another trainee or trainer gets 404', async () => {
    expect(await statusOf(owner, 'get', `/api/v1/enrollments/${enrollmentId}`)).toBe(200);
    expect(await statusOf(cast.trainer, 'get', `/api/v1/enrollments/${enrollmentId}`)).toBe(200);
    const staffActions = ['/approve', '/reject', '/complete', '/not-completed'];
    for (const intruder of [stranger, cast.otherTrainer]) {
      for (const path of ['', '/withdraw', ...staffActions]) {
        const method = path === '' ? 'get' : 'post';
        const status = await statusOf(
          intruder,
          method,
          `/api/v1/enrollments/${enrollmentId}${path}`,
        );
        // A trainee is refused staff actions by role, whatever the id (nothing is looked up).
        const expected = intruder === stranger && staffActions.includes(path) ? 403 : 404;
        expect({ path, status }).toEqual({ path, status: expected });
      }
    }
  });

  it('progress: the modules of another person’s enrollment are 404, and cannot be completed', async () => {
    const base = `/api/v1/enrollments/${enrollmentId}/modules`;
    expect(await statusOf(owner, 'get', base)).toBe(200);
    for (const intruder of [stranger, cast.otherTrainer]) {
      expect(await statusOf(intruder, 'get', base)).toBe(404);
      expect(await statusOf(intruder, 'get', `${base}/${moduleId}`)).toBe(404);
      expect(await statusOf(intruder, 'post', `${base}/${moduleId}/complete`)).toBe(404);
    }
    const progress = await http.as(owner).get(`${base}/${moduleId}`).expect(200);
    expect(JSON.stringify(progress.body)).not.toContain('"completedAt":"');
  });

  it('a certificate and its PDF: the holder and administrators only, 404 for anyone else', async () => {
    expect(await statusOf(owner, 'get', `/api/v1/certificates/${certificateId}`)).toBe(200);
    expect(await statusOf(cast.admin, 'get', `/api/v1/certificates/${certificateId}`)).toBe(200);
    // Not rendered yet (no worker here): the holder is told so, the others are not told anything.
    expect(await statusOf(owner, 'get', `/api/v1/certificates/${certificateId}/pdf`)).toBe(409);
    for (const intruder of [stranger, cast.trainer, cast.otherTrainer]) {
      expect(await statusOf(intruder, 'get', `/api/v1/certificates/${certificateId}`)).toBe(404);
      expect(await statusOf(intruder, 'get', `/api/v1/certificates/${certificateId}/pdf`)).toBe(
        404,
      );
    }
    const mine = await http.as(stranger).get('/api/v1/me/certificates').expect(200);
    expect(JSON.stringify(mine.body)).not.toContain(certificateId);
  });

  it('a batch job: administrators follow it; 404 for anyone else', async () => {
    expect(await statusOf(cast.admin, 'get', `/api/v1/jobs/${jobId}`)).toBe(200);
    for (const intruder of [owner, stranger, cast.trainer]) {
      expect(await statusOf(intruder, 'get', `/api/v1/jobs/${jobId}`)).toBe(404);
    }
  });

  it('an account’s erasure: administrators only; a trainer or another trainee gets 403 and nothing changes', async () => {
    const url = `/api/v1/users/${owner.user.id}/erasure`;
    for (const intruder of [stranger, cast.trainer]) {
      expect({ who: intruder.user.id, status: await statusOf(intruder, 'post', url) }).toEqual({
        who: intruder.user.id,
        status: 403,
      });
    }
    const [row] = await database(api).query(`SELECT erased_at FROM users WHERE id = $1`, [
      owner.user.id,
    ]);
    expect(row.erased_at).toBeNull();
    await http.as(owner).get('/api/v1/me').expect(200);
  });

  it('placements, follow-ups and indicator exports are closed by role to trainees and trainers', async () => {
    const officer = await signInWithRoles(api, cast.admin, ['placement_officer']);
    for (const url of [
      '/api/v1/placements',
      '/api/v1/followups',
      `/api/v1/people/${owner.user.id}/situation`,
      '/api/v1/indicators/insertion.csv',
    ]) {
      for (const intruder of [owner, cast.trainer]) {
        expect({ url, status: await statusOf(intruder, 'get', url) }).toEqual({
          url,
          status: 403,
        });
      }
      expect({ url, status: await statusOf(officer, 'get', url) }).not.toEqual({
        url,
        status: 403,
      });
    }
  });
});
