import { createHash, randomBytes } from 'node:crypto';
import { FollowupScheduler } from '@oris/api/followups';
import { castOf, Cast, client, inDays } from '../catalogue/catalogue-client';
import {
  CertificateTestApp,
  database,
  sessionWithCompleters,
  startCertificateTestApp,
} from '../certificates/certificate-support';
import { baseline, openSession } from '../enrollments/enrollment-client';
import { Session, signInWithRoles } from '../identity/support/identity-client';
import { answerBody } from '../followups/followup-support';
import { assignmentBody, learnerUrl, pdf, upload } from '../activities/assignment-support';
import { placementBody } from '../placements/placement-client';

/**
 * "Someone else's object", for every kind of object a person can own today: each is refused to
 * another person of the same role (404: its existence is not even confirmed) while its owner, or
 * the staff entitled to it, get it. Objects without an owner among non-staff (placements,
 * follow-ups, imports, indicator exports) are closed by role to trainees and trainers, proven
 * here with real ids as well as route by route in the access matrix. A survey answer is reached
 * only through its own emailed token, which reaches no one else's follow-up.
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
  let officer: Session;
  let placementId: string;
  let followupIds: string[];
  let surveyTokens: string[];
  let importSessionId: string;

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

    // A placement (an officer's record about `owner`) and two people's follow-ups, each due with
    // a survey link of its own, as the due pass leaves them.
    officer = await signInWithRoles(api, cast.admin, ['placement_officer']);
    const placement = await http
      .as(officer)
      .post('/api/v1/placements', placementBody(owner.user.id, { startOn: inDays(0) }))
      .expect(201);
    placementId = placement.body.id;
    const surveyed = await sessionWithCompleters(api, cast.trainer, cast.admin, 2);
    await api.app.get(FollowupScheduler).schedule();
    surveyTokens = surveyed.userIds.map(() => randomBytes(32).toString('base64url'));
    followupIds = [];
    for (const [index, userId] of surveyed.userIds.entries()) {
      const [[row]]: [{ id: string }[], number] = await database(api).query(
        `UPDATE followup SET status = 'due', token_hash = $2, token_expires_at = now() + interval '1 day'
          WHERE id = (SELECT id FROM followup WHERE user_id = $1 ORDER BY horizon LIMIT 1)
          RETURNING id`,
        [userId, createHash('sha256').update(surveyTokens[index]).digest()],
      );
      followupIds.push(row.id);
    }
    importSessionId = (await openSession(api, cast.trainer)).sessionId;
    // Many objects of many kinds, each made through the API: more than the default hook budget
    // on a loaded machine.
  }, 120_000);

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

  it('a timetable and its calendar file: the trainee and the session’s staff only, 404 for anyone else', async () => {
    for (const path of ['/timetable', '/calendar.ics']) {
      const url = `/api/v1/enrollments/${enrollmentId}${path}`;
      expect({ path, status: await statusOf(owner, 'get', url) }).toEqual({ path, status: 200 });
      expect({ path, status: await statusOf(cast.trainer, 'get', url) }).toEqual({
        path,
        status: 200,
      });
      for (const intruder of [stranger, cast.otherTrainer]) {
        expect({ path, status: await statusOf(intruder, 'get', url) }).toEqual({
          path,
          status: 404,
        });
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

  it('an assignment submission, its files and its grading: the trainee and the course’s graders only', async () => {
    await http
      .as(cast.trainer)
      .put(`/api/v1/modules/${moduleId}/assignment`, assignmentBody())
      .expect(200);
    const url = learnerUrl(enrollmentId, moduleId);
    const uploaded = await upload(api, owner, `${url}/submission/files`, pdf(10), 'a.pdf');
    expect(uploaded.status).toBe(200);
    const submitted = await http.as(owner).post(`${url}/submission/submit`).expect(200);
    const submissionId: string = submitted.body.submission.id;
    const fileUrl = `/api/v1/assignment-files/${uploaded.body.submission.files[0].id}`;
    expect(
      await statusOf(cast.trainer, 'get', `/api/v1/assignment-submissions/${submissionId}`),
    ).toBe(200);
    expect(await statusOf(cast.trainer, 'get', fileUrl)).toBe(200);
    for (const intruder of [stranger, cast.otherTrainer]) {
      expect(await statusOf(intruder, 'get', url)).toBe(404);
      expect(await statusOf(intruder, 'post', `${url}/submission/submit`)).toBe(404);
      expect(await statusOf(intruder, 'get', fileUrl)).toBe(404);
    }
    // Grading routes: another trainer finds nothing; a trainee is refused by role.
    const target = `/api/v1/assignment-submissions/${submissionId}`;
    const grade = { mark: 1, feedback: '', decision: 'publish' };
    expect(await statusOf(cast.otherTrainer, 'get', target)).toBe(404);
    expect((await http.as(cast.otherTrainer).post(`${target}/grade`, grade)).status).toBe(404);
    expect(await statusOf(stranger, 'get', target)).toBe(403);
    expect((await http.as(stranger).post(`${target}/grade`, grade)).status).toBe(403);
  });

  it('a certificate, its PDF and its credential: the holder and administrators only, 404 for anyone else', async () => {
    expect(await statusOf(owner, 'get', `/api/v1/certificates/${certificateId}`)).toBe(200);
    expect(await statusOf(cast.admin, 'get', `/api/v1/certificates/${certificateId}`)).toBe(200);
    // Not rendered yet (no worker here): the holder is told so, the others are not told anything.
    expect(await statusOf(owner, 'get', `/api/v1/certificates/${certificateId}/pdf`)).toBe(409);
    expect(await statusOf(owner, 'get', `/api/v1/certificates/${certificateId}/credential`)).toBe(
      409,
    );
    for (const intruder of [stranger, cast.trainer, cast.otherTrainer]) {
      expect(
        await statusOf(intruder, 'get', `/api/v1/certificates/${certificateId}/credential`),
      ).toBe(404);
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

  it('a placement: officers only; a trainee (even the one it is about) and trainers get 403 by role', async () => {
    const url = `/api/v1/placements/${placementId}`;
    expect(await statusOf(officer, 'get', url)).toBe(200);
    for (const intruder of [owner, stranger, cast.trainer]) {
      expect(await statusOf(intruder, 'get', url)).toBe(403);
      expect((await http.as(intruder).patch(url, { note: 'x' })).status).toBe(403);
      expect(await statusOf(intruder, 'post', `${url}/validate`)).toBe(403);
    }
    // What the person may know of it comes through their own data export, not this record.
    const theirs = await http.as(stranger).get('/api/v1/me/export').expect(200);
    expect(JSON.stringify(theirs.body)).not.toContain(placementId);
  });

  it('a follow-up: officers answer it; trainees and trainers get 403 by role', async () => {
    for (const intruder of [owner, stranger, cast.trainer]) {
      const answer = await http
        .as(intruder)
        .post(`/api/v1/followups/${followupIds[0]}/answer`, answerBody({ startOn: inDays(0) }));
      expect(answer.status).toBe(403);
    }
    const [row]: { status: string }[] = await database(api).query(
      `SELECT status FROM followup WHERE id = $1`,
      [followupIds[0]],
    );
    expect(row.status).toBe('due');
  });

  it('a survey answer: a link reaches its own follow-up only, and is spent by the answer', async () => {
    const [mine, theirs] = surveyTokens;
    const survey = await http.anonymous.get(`/api/v1/survey/${mine}`).expect(200);
    expect(JSON.stringify(survey.body)).not.toContain('Stagiaire 1');
    await http.anonymous
      .post(`/api/v1/survey/${mine}`, answerBody({ startOn: inDays(0) }))
      .expect((response) => expect(response.status).toBeLessThan(300));
    const rows: { id: string; status: string }[] = await database(api).query(
      `SELECT id, status FROM followup WHERE id = ANY($1) ORDER BY id`,
      [followupIds],
    );
    const byId = new Map(rows.map((row) => [row.id, row.status]));
    expect(byId.get(followupIds[0])).toBe('answered');
    expect(byId.get(followupIds[1])).toBe('due');
    // Spent: it answers nothing more, nor anyone else's.
    expect((await http.anonymous.get(`/api/v1/survey/${mine}`)).status).toBe(404);
    expect((await http.anonymous.get(`/api/v1/survey/${theirs}`)).status).toBe(200);
  });

  it('an enrollment import: administrators only, even into a trainer’s own session', async () => {
    const csv = [
      'email,fullName,gender,birthYear,regionCode,baselineSituation,educationLevel',
      'someone.new@example.ma,Nouvelle Personne,female,1994,MA-04,seeking,licence',
    ].join('\n');
    const url = `/api/v1/sessions/${importSessionId}/enrollments/import?dryRun=true`;
    expect((await http.as(cast.admin).post(url, { csv })).status).toBe(200);
    for (const intruder of [cast.trainer, cast.otherTrainer, stranger]) {
      expect((await http.as(intruder).post(url, { csv })).status).toBe(403);
    }
    // The session's enrollments and attendance are its staff's too.
    for (const path of ['enrollments', 'attendance']) {
      const status = (
        await http.as(cast.otherTrainer).get(`/api/v1/sessions/${importSessionId}/${path}`)
      ).status;
      expect([403, 404]).toContain(status);
    }
  });

  it('a personal data export: one’s own only; nothing of another person’s records is in it', async () => {
    const mine = await http.as(owner).get('/api/v1/me/export').expect(200);
    expect(JSON.stringify(mine.body)).toContain(enrollmentId);
    const theirs = JSON.stringify(
      (await http.as(stranger).get('/api/v1/me/export').expect(200)).body,
    );
    for (const id of [owner.user.id, enrollmentId, certificateId]) expect(theirs).not.toContain(id);
  });

  it('placements, follow-ups and indicator exports are closed by role to trainees and trainers', async () => {
    const officer = await signInWithRoles(api, cast.admin, ['placement_officer']);
    for (const url of [
      '/api/v1/placements',
      '/api/v1/followups',
      `/api/v1/people/${owner.user.id}/situation`,
      '/api/v1/indicators/insertion.csv',
      '/api/v1/indicators/insertion.xlsx',
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
  it('an announcement and a notification: the session’s trainees and staff only, 404 for anyone else', async () => {
    const [{ sessionId }]: { sessionId: string }[] = await database(api).query(
      `SELECT session_id AS "sessionId" FROM enrollment WHERE id = $1`,
      [enrollmentId],
    );
    const posted = await http
      .as(cast.trainer)
      .post(`/api/v1/sessions/${sessionId}/announcements`, {
        title: 'Salle 3',
        body: 'Jeudi.',
        byEmail: false,
      })
      .expect(201);
    const list = `/api/v1/sessions/${sessionId}/announcements`;
    const mute = `/api/v1/me/sessions/${sessionId}/announcement-email`;
    expect(await statusOf(owner, 'get', list)).toBe(200);
    expect(await statusOf(owner, 'get', mute)).toBe(200);
    for (const intruder of [stranger, cast.otherTrainer]) {
      expect(await statusOf(intruder, 'get', list)).toBe(404);
      expect(await statusOf(intruder, 'get', mute)).toBe(404);
      const announcement = `/api/v1/announcements/${posted.body.id}`;
      expect((await http.as(intruder).patch(announcement, { title: 'x' })).status).toBe(404);
      expect((await http.as(intruder).delete(announcement)).status).toBe(404);
    }
    const mine = await http.as(owner).get('/api/v1/me/notifications').expect(200);
    const notification = mine.body.items.find(
      (item: { kind: string; params: { title: string } }) =>
        item.kind === 'announcement' && item.params.title === 'Salle 3',
    );
    expect(notification).toBeDefined();
    expect(
      await statusOf(stranger, 'post', `/api/v1/me/notifications/${notification.id}/read`),
    ).toBe(404);
    const theirs = await http.as(stranger).get('/api/v1/me/notifications').expect(200);
    expect(theirs.body.items).toEqual([]);
  });
});
