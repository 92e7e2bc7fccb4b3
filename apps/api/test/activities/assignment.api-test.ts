// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { QuizClock } from '@oris/api/activities';
import { FILE_STORAGE, type FileStorage } from '@oris/api/platform';
import {
  startEmailWorker,
  startSmtpServer,
  type EmailWorkerHandle,
  type TestSmtpServer,
} from '@oris/api/notifications/testing';
import request from 'supertest';
import { Cast, castOf, client } from '../catalogue/catalogue-client';
import { bulkPeople, database } from '../enrollments/enrollment-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import { workerConfig } from '../notifications/outbox-support';
import type { TestApp } from '../support/test-app';
import {
  assignmentBody,
  assignmentSetup,
  learnerUrl,
  levels,
  pdf,
  upload,
} from './assignment-support';

describe('assignments: settings, files, late policy, rubric grading, return and resubmission', () => {
  let api: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;
  let smtp: TestSmtpServer;
  let emails: EmailWorkerHandle;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    smtp = await startSmtpServer();
    emails = await startEmailWorker(workerConfig(api, smtp.url));
    cast = await castOf(api);
    http = client(api);
    // A fresh database with every migration, and a worker, on a machine shared with others.
  }, 120_000);

  afterEach(() => api.app.get(QuizClock).set(0));
  afterAll(async () => {
    await emails.close();
    await api.close();
    await smtp.close();
  });

  describe('settings', () => {
    it('keeps the rubric with ids, and refuses what cannot be graded with', async () => {
      const setup = await assignmentSetup(api, cast.trainer, []);
      const rubric = setup.assignment.rubric;
      expect(setup.assignment).toMatchObject({
        maxPoints: 15,
        instructionsHtml: expect.stringContaining('<strong>cas</strong>'),
      });
      expect(rubric.criteria.every((c: { id: string }) => /^[\w-]+$/.test(c.id))).toBe(true);
      const url = `/api/v1/modules/${setup.moduleId}/assignment`;
      const again = await http
        .as(cast.trainer)
        .put(url, { ...setup.assignment, rubric, dueAt: '2030-06-15T18:00:00+01:00' })
        .expect(400); // read-only fields are not part of the input
      expect(again.body.code).toBe('validation');
      const worthless = {
        criteria: [
          {
            title: 'Rien',
            levels: [
              { title: 'a', points: 0 },
              { title: 'b', points: 0 },
            ],
          },
        ],
      };
      const body = (overrides: Record<string, unknown>) => ({
        title: 'Étude de cas',
        instructions: '',
        dueAt: '2030-06-15T18:00:00+01:00',
        latePolicy: 'accept',
        latePenaltyPercent: null,
        acceptsText: true,
        acceptsFiles: false,
        fileKinds: [],
        maxFileBytes: 4096,
        maxFiles: 1,
        rubric,
        maxMark: null,
        passMarkPercent: 50,
        requiredForCompletion: false,
        ...overrides,
      });
      const kept = await http.as(cast.trainer).put(url, body({})).expect(200);
      expect(kept.body.rubric).toEqual(rubric);
      expect(kept.body.dueInMorocco).toBe('2030-06-15 18:00:00');
      expect(
        (
          await http
            .as(cast.trainer)
            .put(url, body({ rubric: worthless }))
            .expect(400)
        ).body.code,
      ).toBe('invalid_rubric');
      expect(
        (
          await http
            .as(cast.trainer)
            .put(url, body({ acceptsText: false }))
            .expect(400)
        ).body.code,
      ).toBe('validation');
      expect(
        (
          await http
            .as(cast.trainer)
            .put(url, body({ rubric: null }))
            .expect(400)
        ).body.code,
      ).toBe('validation');
      expect(
        (
          await http
            .as(cast.trainer)
            .put(url, body({ latePenaltyPercent: 10 }))
            .expect(400)
        ).body.code,
      ).toBe('validation');
      await http.as(cast.otherTrainer).put(url, body({})).expect(403);
      await http.as(cast.trainee).get(url).expect(403);
      await http.as(cast.admin).get(url).expect(200);
    });
  });

  describe('files', () => {
    it('takes the kinds the assignment allows, recognised by content, within its limits', async () => {
      const setup = await assignmentSetup(api, cast.trainer, ['fr']);
      const [{ session, enrollmentId }] = setup.trainees;
      const url = `${learnerUrl(enrollmentId, setup.moduleId)}/submission/files`;
      const bytes = pdf(200);
      const stored = await upload(api, session, url, bytes, 'mon rapport.docx').expect(200);
      // Named after what it is, with its SHA-256.
      expect(stored.body.submission.files).toEqual([
        expect.objectContaining({
          name: 'mon rapport.pdf',
          kind: 'pdf',
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
        }),
      ]);
      const download = await request(api.url)
        .get(`/api/v1/assignment-files/${stored.body.submission.files[0].id}`)
        .auth(session.accessToken, { type: 'bearer' })
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);
      expect(download.headers['content-type']).toMatch(/^application\/pdf/);

      const executable = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0]), Buffer.alloc(100)]);
      const refused = await upload(api, session, url, executable, 'rapport.pdf').expect(415);
      expect(refused.body).toMatchObject({ code: 'file_type_not_allowed' });
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      const docx = Buffer.concat([
        Buffer.from([0x50, 0x4b, 0x03, 0x04]),
        Buffer.alloc(26),
        Buffer.from('[Content_Types].xmlword/document.xml'),
      ]);
      expect((await upload(api, session, url, docx, 'a.docx').expect(415)).body.code).toBe(
        'file_type_not_allowed',
      );
      expect((await upload(api, session, url, pdf(5000), 'big.pdf').expect(413)).body.code).toBe(
        'file_too_large',
      );
      expect(
        (await upload(api, session, url, Buffer.alloc(0), 'empty.pdf').expect(400)).body.code,
      ).toBe('file_empty');
      await upload(api, session, url, Buffer.from('Ma réponse en texte.'), 'reponse.txt').expect(
        200,
      );
      expect((await upload(api, session, url, pdf(10), 'third.pdf').expect(409)).body.code).toBe(
        'too_many_files',
      );
      // Over the platform's largest file: refused before the body is read.
      const huge = await request(api.url)
        .post(`${url}?name=x.pdf`)
        .auth(session.accessToken, { type: 'bearer' })
        .set('content-type', 'application/octet-stream')
        .set('content-length', String(21 * 1024 * 1024))
        .send(pdf(10))
        .catch(
          (error: { status?: number; response?: { status: number } }) => error.response ?? error,
        );
      expect((huge as { status: number }).status).toBe(413);
      // The file route's media type is refused elsewhere.
      await request(api.url)
        .put(`${learnerUrl(enrollmentId, setup.moduleId)}/submission/text`)
        .auth(session.accessToken, { type: 'bearer' })
        .set('content-type', 'application/octet-stream')
        .send(pdf(10))
        .expect(415);
      const rows = await database(api).query(
        `SELECT count(*)::int AS n FROM assignment_file f JOIN assignment_submission s ON s.id = f.submission_id
          WHERE s.enrollment_id = $1`,
        [enrollmentId],
      );
      expect(rows[0].n).toBe(2);
    });
  });

  describe('late policy', () => {
    const past = () => new Date(Date.now() - 3_600_000).toISOString();

    it('refuses after the due date when the policy says so', async () => {
      const setup = await assignmentSetup(api, cast.trainer, ['fr'], {
        latePolicy: 'refuse',
        dueAt: past(),
      });
      const [{ session, enrollmentId }] = setup.trainees;
      const url = learnerUrl(enrollmentId, setup.moduleId);
      await http.as(session).put(`${url}/submission/text`, { text: 'Trop tard.' }).expect(200);
      const refused = await http.as(session).post(`${url}/submission/submit`).expect(409);
      expect(refused.body.code).toBe('past_due');
      expect((await http.as(session).get(url).expect(200)).body).toMatchObject({
        editable: false,
        pastDue: true,
      });
    });

    it('accepts and marks late, the penalty off the grade; `accept` never marks late', async () => {
      const marked = await assignmentSetup(api, cast.trainer, ['fr'], {
        latePolicy: 'mark_late',
        latePenaltyPercent: 10,
        dueAt: past(),
      });
      const [trainee] = marked.trainees;
      const url = learnerUrl(trainee.enrollmentId, marked.moduleId);
      await http
        .as(trainee.session)
        .put(`${url}/submission/text`, { text: 'En retard.' })
        .expect(200);
      const submitted = await http.as(trainee.session).post(`${url}/submission/submit`).expect(200);
      expect(submitted.body.submission).toMatchObject({ status: 'submitted', late: true });
      const queue = await http
        .as(cast.trainer)
        .get(`/api/v1/sessions/${marked.sessionId}/assignment-submissions`)
        .expect(200);
      expect(queue.body.items).toEqual([
        expect.objectContaining({ late: true, status: 'submitted' }),
      ]);
      const graded = await http
        .as(cast.trainer)
        .post(`/api/v1/assignment-submissions/${queue.body.items[0].submissionId}/grade`, {
          rubricLevels: levels(marked.assignment.rubric, [1, 2]),
          feedback: 'Bien, mais rendu en retard.',
          decision: 'publish',
        })
        .expect(200);
      // 10 of 15 = 66.67 %, minus 10 points for lateness.
      expect(graded.body).toMatchObject({ points: 10, percent: 56.67, status: 'graded' });

      const accepting = await assignmentSetup(api, cast.trainer, ['fr'], { dueAt: past() });
      const other = accepting.trainees[0];
      const otherUrl = learnerUrl(other.enrollmentId, accepting.moduleId);
      await http
        .as(other.session)
        .put(`${otherUrl}/submission/text`, { text: 'Après.' })
        .expect(200);
      const accepted = await http
        .as(other.session)
        .post(`${otherUrl}/submission/submit`)
        .expect(200);
      expect(accepted.body.submission).toMatchObject({ status: 'submitted', late: false });
    });
  });

  describe('grading, return, resubmission and the feedback email', () => {
    it('goes from draft to graded through a return, emailing the trainee in their language', async () => {
      const setup = await assignmentSetup(api, cast.trainer, ['ar', 'fr']);
      const [arabic, french] = setup.trainees;
      const url = learnerUrl(arabic.enrollmentId, setup.moduleId);
      const rubric = setup.assignment.rubric;

      expect((await http.as(arabic.session).get(url).expect(200)).body).toMatchObject({
        submission: null,
        editable: true,
      });
      expect(
        (await http.as(arabic.session).post(`${url}/submission/submit`).expect(409)).body.code,
      ).toBe('submission_empty');
      await http
        .as(arabic.session)
        .put(`${url}/submission/text`, { text: 'Première version.' })
        .expect(200);
      // A draft is the trainee's alone: not in the queue.
      const empty = await http
        .as(cast.trainer)
        .get(`/api/v1/sessions/${setup.sessionId}/assignment-submissions`)
        .expect(200);
      expect(empty.body.items).toEqual([]);
      const submitted = await http.as(arabic.session).post(`${url}/submission/submit`).expect(200);
      const submissionId = submitted.body.submission.id;
      expect(submitted.body).toMatchObject({
        editable: false,
        submission: { status: 'submitted', submissionCount: 1 },
      });
      expect(
        (await http.as(arabic.session).put(`${url}/submission/text`, { text: 'x' }).expect(409))
          .body.code,
      ).toBe('submission_not_editable');

      // Another trainee's submission does not exist for them (nor for another trainer).
      await http
        .as(french.session)
        .get(learnerUrl(arabic.enrollmentId, setup.moduleId))
        .expect(404);
      await http
        .as(cast.otherTrainer)
        .get(`/api/v1/assignment-submissions/${submissionId}`)
        .expect(404);
      await http
        .as(french.session)
        .get(`/api/v1/assignment-submissions/${submissionId}`)
        .expect(403);

      const grade = (body: Record<string, unknown>) =>
        http.as(cast.trainer).post(`/api/v1/assignment-submissions/${submissionId}/grade`, body);
      expect(
        (
          await grade({
            // One criterion of two.
            rubricLevels: { [rubric.criteria[0].id]: rubric.criteria[0].levels[1].id },
            feedback: '',
            decision: 'publish',
          }).expect(400)
        ).body.code,
      ).toBe('incomplete_grade');
      expect(
        (await grade({ mark: 10, feedback: '', decision: 'publish' }).expect(400)).body.code,
      ).toBe('incomplete_grade');
      expect(
        (
          await grade({
            rubricLevels: {
              [rubric.criteria[0].id]: rubric.criteria[1].levels[0].id,
              [rubric.criteria[1].id]: rubric.criteria[1].levels[0].id,
            },
            feedback: '',
            decision: 'publish',
          }).expect(400)
        ).body.code,
      ).toBe('incomplete_grade');

      const feedbackFile = await upload(
        api,
        cast.trainer,
        `/api/v1/assignment-submissions/${submissionId}/feedback-files`,
        pdf(50),
        'corrigé.pdf',
      ).expect(200);
      expect(feedbackFile.body.feedbackFiles).toHaveLength(1);
      // While the trainer holds it, nothing of the feedback shows to the trainee.
      const held = await http.as(arabic.session).get(url).expect(200);
      expect(held.body.submission).toMatchObject({
        feedback: '',
        feedbackFiles: [],
        rubricLevels: null,
        grade: null,
      });
      await request(api.url)
        .get(`/api/v1/assignment-files/${feedbackFile.body.feedbackFiles[0].id}`)
        .auth(arabic.session.accessToken, { type: 'bearer' })
        .expect(404);

      const returned = await grade({
        rubricLevels: levels(rubric, [1, 1]),
        feedback: 'Développez l’analyse.',
        decision: 'return',
      }).expect(200);
      expect(returned.body).toMatchObject({ status: 'returned', points: 7.5, percent: 50 });
      const returnMail = await smtp.waitFor(
        (m) => m.to.includes(arabic.session.email) && m.subject.startsWith('واجب'),
        20_000,
      );
      expect(returnMail.subject).toBe(`واجب للمراجعة: «${setup.assignment.title}»`);
      expect(returnMail.text).toContain(
        `/learning/${arabic.enrollmentId}/modules/${setup.moduleId}/assignment`,
      );

      const reading = await http.as(arabic.session).get(url).expect(200);
      expect(reading.body).toMatchObject({
        editable: true,
        submission: {
          status: 'returned',
          feedback: 'Développez l’analyse.',
          rubricLevels: levels(rubric, [1, 1]),
          grade: null,
        },
      });
      expect(reading.body.submission.feedbackFiles).toHaveLength(1);
      await request(api.url)
        .get(`/api/v1/assignment-files/${feedbackFile.body.feedbackFiles[0].id}`)
        .auth(arabic.session.accessToken, { type: 'bearer' })
        .expect(200);
      const queueReturned = await http
        .as(cast.trainer)
        .get(`/api/v1/sessions/${setup.sessionId}/assignment-submissions?state=returned`)
        .expect(200);
      expect(queueReturned.body).toMatchObject({ counts: { to_grade: 0, returned: 1, graded: 0 } });

      await http
        .as(arabic.session)
        .put(`${url}/submission/text`, { text: 'Deuxième version, développée.' })
        .expect(200);
      const again = await http.as(arabic.session).post(`${url}/submission/submit`).expect(200);
      expect(again.body.submission).toMatchObject({ status: 'submitted', submissionCount: 2 });
      const published = await grade({
        rubricLevels: levels(rubric, [2, 1]),
        feedback: 'Très bien.',
        decision: 'publish',
      }).expect(200);
      expect(published.body).toMatchObject({ status: 'graded', points: 12.5, percent: 83.33 });
      const final = await http.as(arabic.session).get(url).expect(200);
      expect(final.body.submission).toMatchObject({
        status: 'graded',
        feedback: 'Très bien.',
        grade: { points: 12.5, maxPoints: 15, percent: 83.33, passed: true },
      });
      const gradedMail = await smtp.waitFor(
        (m) => m.to.includes(arabic.session.email) && m.subject.startsWith('تم تصحيح'),
        20_000,
      );
      expect(gradedMail.text).toContain('12,5 / 15');
      expect(
        (
          await grade({
            rubricLevels: levels(rubric, [2, 2]),
            feedback: 'x',
            decision: 'return',
          }).expect(409)
        ).body.code,
      ).toBe('submission_not_gradable');

      // A French trainee reads French.
      const frenchUrl = learnerUrl(french.enrollmentId, setup.moduleId);
      await upload(
        api,
        french.session,
        `${frenchUrl}/submission/files`,
        pdf(20),
        'devoir.pdf',
      ).expect(200);
      const frenchSubmission = (
        await http.as(french.session).post(`${frenchUrl}/submission/submit`).expect(200)
      ).body.submission.id;
      await http
        .as(cast.trainer)
        .post(`/api/v1/assignment-submissions/${frenchSubmission}/grade`, {
          rubricLevels: levels(rubric, [0, 0]),
          feedback: 'À reprendre.',
          decision: 'publish',
        })
        .expect(200);
      const frenchMail = await smtp.waitFor(
        (m) => m.to.includes(french.session.email) && m.subject.startsWith('Votre devoir'),
        20_000,
      );
      expect(frenchMail.subject).toBe(`Votre devoir est corrigé : « ${setup.assignment.title} »`);
      expect(frenchMail.text).toContain('0 / 15');
      // Submitted files are never anyone else's to read.
      const frenchFile = (await http.as(french.session).get(frenchUrl).expect(200)).body.submission
        .files[0].id;
      await request(api.url)
        .get(`/api/v1/assignment-files/${frenchFile}`)
        .auth(arabic.session.accessToken, { type: 'bearer' })
        .expect(404);
      await request(api.url)
        .get(`/api/v1/assignment-files/${frenchFile}`)
        .auth(cast.otherTrainer.accessToken, { type: 'bearer' })
        .expect(404);
      await request(api.url)
        .get(`/api/v1/assignment-files/${frenchFile}`)
        .auth(cast.trainer.accessToken, { type: 'bearer' })
        .expect(200);
    });

    it('grades with a mark when the assignment has no rubric', async () => {
      const setup = await assignmentSetup(api, cast.trainer, ['en'], {
        rubric: null,
        maxMark: 20,
        acceptsFiles: false,
        fileKinds: [],
      });
      const [{ session, enrollmentId }] = setup.trainees;
      const url = learnerUrl(enrollmentId, setup.moduleId);
      expect(
        (await upload(api, session, `${url}/submission/files`, pdf(10), 'a.pdf').expect(409)).body
          .code,
      ).toBe('files_not_accepted');
      await http.as(session).put(`${url}/submission/text`, { text: 'My answer.' }).expect(200);
      const id = (await http.as(session).post(`${url}/submission/submit`).expect(200)).body
        .submission.id;
      const grade = (body: object) =>
        http.as(cast.admin).post(`/api/v1/assignment-submissions/${id}/grade`, body);
      expect(
        (await grade({ mark: 21, feedback: '', decision: 'publish' }).expect(400)).body.code,
      ).toBe('incomplete_grade');
      expect(
        (await grade({ mark: 15, feedback: 'Good.', decision: 'publish' }).expect(200)).body,
      ).toMatchObject({ percent: 75 });
      const mail = await smtp.waitFor(
        (m) => m.to.includes(session.email) && m.subject.startsWith('Your assignment'),
        20_000,
      );
      expect(mail.text).toContain('15 / 20 (75%)');
    });

    it('refuses to remove an assignment with submissions', async () => {
      const setup = await assignmentSetup(api, cast.trainer, ['fr']);
      const [{ session, enrollmentId }] = setup.trainees;
      await http
        .as(session)
        .put(`${learnerUrl(enrollmentId, setup.moduleId)}/submission/text`, { text: 'x' })
        .expect(200);
      const url = `/api/v1/modules/${setup.moduleId}/assignment`;
      expect((await http.as(cast.trainer).delete(url).expect(409)).body.code).toBe(
        'assignment_has_submissions',
      );
      const [another] = await bulkPeople(api, 1);
      await http.as(another).get(learnerUrl(enrollmentId, setup.moduleId)).expect(404);
    });
  });
  describe('file downloads', () => {
    it('serves byte ranges by ranged reads of the storage (206, 416, If-Range)', async () => {
      const setup = await assignmentSetup(api, cast.trainer, ['fr']);
      const [{ session, enrollmentId }] = setup.trainees;
      const url = learnerUrl(enrollmentId, setup.moduleId);
      const bytes = pdf(3000);
      const added = await upload(
        api,
        session,
        `${url}/submission/files`,
        bytes,
        'rapport.pdf',
      ).expect(200);
      const file = added.body.submission.files[0] as { id: string; sha256: string };
      const storage = api.app.get<FileStorage>(FILE_STORAGE);
      const whole = jest.spyOn(storage, 'get');
      const ranged = jest.spyOn(storage, 'readRange');
      const download = (headers: Record<string, string> = {}) => {
        const test = request(api.url).get(`/api/v1/assignment-files/${file.id}`);
        for (const [name, value] of Object.entries(headers)) test.set(name, value);
        return test.auth(session.accessToken, { type: 'bearer' }).buffer(true);
      };
      try {
        const part = await download({ Range: 'bytes=100-1099' }).expect(206);
        expect(part.headers['content-range']).toBe(`bytes 100-1099/${bytes.length}`);
        expect(Buffer.compare(part.body as Buffer, bytes.subarray(100, 1100))).toBe(0);
        expect(ranged).toHaveBeenLastCalledWith(expect.any(String), 100, 1099);
        const full = await download().expect(200);
        expect(full.headers['etag']).toBe(`"${file.sha256}"`);
        expect(full.headers['accept-ranges']).toBe('bytes');
        expect(full.headers['content-disposition']).toMatch(/^attachment; filename="rapport.pdf"/);
        expect(Buffer.compare(full.body as Buffer, bytes)).toBe(0);
        const range = await download({ Range: `bytes=${bytes.length}-` }).expect(416);
        expect(range.headers['content-range']).toBe(`bytes */${bytes.length}`);
        const stale = await download({ Range: 'bytes=0-3', 'If-Range': '"0000"' }).expect(200);
        expect((stale.body as Buffer).length).toBe(bytes.length);
        expect(whole).not.toHaveBeenCalled();
      } finally {
        whole.mockRestore();
        ranged.mockRestore();
      }
    });
  });

  describe('a rubric graded with', () => {
    it('can be reworded but keeps its criteria, levels and points (409 rubric_locked)', async () => {
      const setup = await assignmentSetup(api, cast.trainer, ['fr']);
      const [{ session, enrollmentId }] = setup.trainees;
      const settingsUrl = `/api/v1/modules/${setup.moduleId}/assignment`;
      type Rubric = {
        criteria: {
          id: string;
          title: string;
          levels: { id: string; title: string; points: number }[];
        }[];
      };
      const put = (rubric: Rubric | null, overrides: Record<string, unknown> = {}) =>
        http
          .as(cast.trainer)
          .put(
            settingsUrl,
            assignmentBody({ rubric, ...(rubric ? {} : { maxMark: 20 }), ...overrides }),
          );
      const rubric: Rubric = structuredClone(setup.assignment.rubric);
      // Before any grade, the structure may change freely.
      rubric.criteria[1].levels[2].points = 6;
      expect((await put(rubric).expect(200)).body).toMatchObject({
        maxPoints: 16,
        rubricLocked: false,
      });

      const url = learnerUrl(enrollmentId, setup.moduleId);
      await http.as(session).put(`${url}/submission/text`, { text: 'Mon analyse.' }).expect(200);
      await http.as(session).post(`${url}/submission/submit`).expect(200);
      const [{ id: submissionId }] = await database(api).query(
        `SELECT id FROM assignment_submission WHERE enrollment_id = $1`,
        [enrollmentId],
      );
      const graded = await http
        .as(cast.trainer)
        .post(`/api/v1/assignment-submissions/${submissionId}/grade`, {
          rubricLevels: levels(rubric, [2, 2]),
          feedback: 'Très bien.',
          decision: 'publish',
        })
        .expect(200);
      expect(graded.body).toMatchObject({ points: 16, percent: 100 });

      const reworded: Rubric = structuredClone(rubric);
      reworded.criteria[0].title = 'Qualité de l’analyse';
      reworded.criteria[0].levels[2].title = 'Remarquable';
      reworded.criteria.reverse();
      const kept = await put(reworded, { title: 'Étude de cas (v2)' }).expect(200);
      expect(kept.body).toMatchObject({
        rubricLocked: true,
        maxPoints: 16,
        title: 'Étude de cas (v2)',
      });

      const refused = async (edit: (copy: Rubric) => void, detail: RegExp) => {
        const copy: Rubric = structuredClone(reworded);
        edit(copy);
        const response = await put(copy).expect(409);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body).toMatchObject({
          code: 'rubric_locked',
          detail: expect.stringMatching(detail),
        });
      };
      await refused(
        (copy) => (copy.criteria[0].levels[0].points = 1),
        /1 grade\(s\).*keeps its 0 points/,
      );
      await refused(
        (copy) =>
          copy.criteria[0].levels.push({
            id: undefined as unknown as string,
            title: 'Bonus',
            points: 8,
          }),
        /new levels/,
      );
      await refused((copy) => copy.criteria.pop(), /can no longer be removed/);
      expect((await put(null).expect(409)).body.code).toBe('rubric_locked');

      // The published grade still reads as it was given.
      const mine = await http.as(session).get(url).expect(200);
      expect(mine.body.submission.grade).toMatchObject({ points: 16, maxPoints: 16, percent: 100 });
    });
  });

  describe('erasure (law 09-08)', () => {
    it('erases what the trainee wrote and handed in, keeping the status and dates', async () => {
      const setup = await assignmentSetup(api, cast.trainer, ['fr']);
      const [{ session, enrollmentId }] = setup.trainees;
      const url = learnerUrl(enrollmentId, setup.moduleId);
      await upload(api, session, `${url}/submission/files`, pdf(300), 'rapport.pdf').expect(200);
      await http.as(session).put(`${url}/submission/text`, { text: 'Mon analyse.' }).expect(200);
      await http.as(session).post(`${url}/submission/submit`).expect(200);
      const [file] = await database(api).query(
        `SELECT f.storage_key FROM assignment_file f JOIN assignment_submission s ON s.id = f.submission_id
          WHERE s.enrollment_id = $1`,
        [enrollmentId],
      );
      const storage = api.app.get<FileStorage>(FILE_STORAGE);
      await expect(storage.get(file.storage_key)).resolves.toBeInstanceOf(Buffer);

      await http.as(cast.admin).post(`/api/v1/users/${session.user.id}/erasure`).expect(200);

      const [submission] = await database(api).query(
        `SELECT status, text, feedback, submitted_at,
                (SELECT count(*)::int FROM assignment_file f WHERE f.submission_id = s.id) AS files
           FROM assignment_submission s WHERE s.enrollment_id = $1`,
        [enrollmentId],
      );
      expect(submission).toMatchObject({ status: 'submitted', text: '', feedback: '', files: 0 });
      expect(submission.submitted_at).toBeInstanceOf(Date);
      await expect(storage.get(file.storage_key)).rejects.toThrow();
    });
  });
});
