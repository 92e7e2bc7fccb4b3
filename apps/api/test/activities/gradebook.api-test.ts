// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { AssignmentCopier, Gradebook } from '@oris/api/activities';
import { Workbook } from 'exceljs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Cast, castOf, client, publishedCourse } from '../catalogue/catalogue-client';
import { database, pastSession } from '../enrollments/enrollment-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import { addQuestions, QUESTIONS, rightAnswer, settingsBody } from './quiz-support';
import { assignmentBody, assignmentSetup, learnerUrl, levels } from './assignment-support';

const binary = (response: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('assignments: gradebook, exports, completion rule, course duplication', () => {
  let api: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
    http = client(api);
    // A fresh database with every migration, and a worker, on a machine shared with others.
  }, 120_000);

  afterAll(() => api.close());

  /** Submits a text and has the trainer publish the rubric levels at `indexes`. */
  async function submitAndGrade(
    setup: Awaited<ReturnType<typeof assignmentSetup>>,
    index: number,
    indexes: number[] | null,
  ) {
    const { session, enrollmentId } = setup.trainees[index];
    const url = learnerUrl(enrollmentId, setup.moduleId);
    await http.as(session).put(`${url}/submission/text`, { text: 'Réponse.' }).expect(200);
    const submitted = await http.as(session).post(`${url}/submission/submit`).expect(200);
    if (indexes) {
      await http
        .as(cast.trainer)
        .post(`/api/v1/assignment-submissions/${submitted.body.submission.id}/grade`, {
          rubricLevels: levels(setup.assignment.rubric, indexes),
          feedback: 'Vu.',
          decision: 'publish',
        })
        .expect(200);
    }
  }

  it('shows trainees × quizzes and assignments, and exports them as CSV and XLSX safely', async () => {
    const setup = await assignmentSetup(api, cast.trainer, ['fr', 'fr', 'fr']);
    const [first, second, third] = setup.trainees;
    // A name a spreadsheet would run as a formula, and an Arabic name.
    await database(api).query(`UPDATE users SET full_name = $2 WHERE id = $1`, [
      first.session.user.id,
      '=HYPERLINK("http://evil.example","x")',
    ]);
    await database(api).query(`UPDATE users SET full_name = 'سلمى' WHERE id = $1`, [
      second.session.user.id,
    ]);
    const [question] = await addQuestions(api, cast.trainer, setup.courseId, [QUESTIONS.single]);
    await http
      .as(cast.trainer)
      .put(`/api/v1/modules/${setup.moduleId}/quiz`, settingsBody({ title: 'Quiz du cas' }))
      .expect(200);
    const quizUrl = `/api/v1/enrollments/${first.enrollmentId}/modules/${setup.moduleId}/quiz`;
    const attempt = await http.as(first.session).post(`${quizUrl}/attempts`).expect(200);
    await http
      .as(first.session)
      .put(`/api/v1/quiz-attempts/${attempt.body.id}/answers/${question.id}`, rightAnswer(question))
      .expect(200);
    await http
      .as(first.session)
      .post(`/api/v1/quiz-attempts/${attempt.body.id}/submit`)
      .expect(200);
    await submitAndGrade(setup, 0, [2, 1]);
    await submitAndGrade(setup, 1, null);

    const book = await http
      .as(cast.trainer)
      .get(`/api/v1/sessions/${setup.sessionId}/gradebook`)
      .expect(200);
    expect(book.body.columns).toEqual([
      expect.objectContaining({ kind: 'quiz', title: 'Quiz du cas' }),
      expect.objectContaining({ kind: 'assignment', title: 'Étude de cas' }),
    ]);
    const rowOf = (id: string) =>
      book.body.items.find((row: { enrollmentId: string }) => row.enrollmentId === id);
    expect(rowOf(first.enrollmentId).cells).toEqual([
      { percent: 100, passed: true, status: null, late: false },
      { percent: 83.33, passed: true, status: 'graded', late: false },
    ]);
    expect(rowOf(second.enrollmentId).cells[1]).toEqual({
      percent: null,
      passed: null,
      status: 'submitted',
      late: false,
    });
    expect(rowOf(third.enrollmentId).cells[1]).toMatchObject({ percent: null, status: null });

    const csv = await http
      .as(cast.trainer)
      .get(`/api/v1/sessions/${setup.sessionId}/gradebook.csv?lang=fr`)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Apprenant·e;Quiz — Quiz du cas (%);Devoir — Étude de cas (%)');
    expect(lines).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")";100;83.33`);
    expect(lines).toContain('سلمى;;à corriger');

    const xlsx = await http
      .as(cast.trainer)
      .get(`/api/v1/sessions/${setup.sessionId}/gradebook.xlsx?lang=ar`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'المتعلّم(ة)',
      'اختبار — Quiz du cas (%)',
      'واجب — Étude de cas (%)',
    ]);
    const values = sheet.getSheetValues().slice(2) as unknown[][];
    const evil = values.find((row) => String(row[1]).startsWith('=HYPERLINK')) as unknown[];
    // A value, not a formula; grades are numbers.
    expect(sheet.getCell(`A${values.indexOf(evil) + 2}`).type).toBe(3 /* ValueType.String */);
    expect(evil.slice(2)).toEqual([100, 83.33]);
    const exports = await database(api).query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'gradebook.exported' AND subject_id = $1`,
      [setup.sessionId],
    );
    expect(exports[0].n).toBe(2);

    await http
      .as(cast.otherTrainer)
      .get(`/api/v1/sessions/${setup.sessionId}/gradebook`)
      .expect(403);
    await http
      .as(first.session)
      .get(`/api/v1/sessions/${setup.sessionId}/gradebook.csv`)
      .expect(403);
    await http.as(cast.admin).get(`/api/v1/sessions/${setup.sessionId}/gradebook`).expect(200);
  });

  it('pages the gradebook and the grading queue, and exports every trainee batch by batch', async () => {
    const setup = await assignmentSetup(api, cast.trainer, ['fr', 'ar', 'en', 'fr', 'ar']);
    const names = ['Amal', 'Badr', 'Chama', 'Driss', 'Fatima'];
    for (const [index, { session }] of setup.trainees.entries()) {
      await database(api).query(`UPDATE users SET full_name = $2 WHERE id = $1`, [
        session.user.id,
        names[index],
      ]);
    }
    // Driss and Amal submit (in that order), then the three others.
    for (const index of [3, 0, 1, 2, 4]) await submitAndGrade(setup, index, null);
    const base = `/api/v1/sessions/${setup.sessionId}`;

    const first = await http
      .as(cast.trainer)
      .get(`${base}/gradebook?page=1&pageSize=2`)
      .expect(200);
    expect(first.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(first.body.columns).toHaveLength(1);
    const pageNames = async (page: number) =>
      (
        await http.as(cast.trainer).get(`${base}/gradebook?page=${page}&pageSize=2`).expect(200)
      ).body.items.map((row: { traineeName: string }) => row.traineeName);
    expect([...(await pageNames(1)), ...(await pageNames(2)), ...(await pageNames(3))]).toEqual(
      names,
    );
    expect(await pageNames(4)).toEqual([]);
    expect(
      (await http.as(cast.trainer).get(`${base}/gradebook?pageSize=101`).expect(400)).body.code,
    ).toBe('validation');

    const queuePage = async (page: number) =>
      (
        await http
          .as(cast.trainer)
          .get(`${base}/assignment-submissions?state=to_grade&page=${page}&pageSize=2`)
          .expect(200)
      ).body;
    const queueFirst = await queuePage(1);
    expect(queueFirst).toMatchObject({ total: 5, page: 1, pageSize: 2, counts: { to_grade: 5 } });
    const queued = [
      ...queueFirst.items,
      ...(await queuePage(2)).items,
      ...(await queuePage(3)).items,
    ].map((item: { traineeName: string }) => item.traineeName);
    expect(queued.slice(0, 2)).toEqual(['Driss', 'Amal']); // oldest first
    expect([...queued].sort()).toEqual(names);

    // The export holds every trainee, read two at a time in one snapshot.
    const { head, batches } = await api.app
      .get(Gradebook)
      .forExport(cast.trainer.user, setup.sessionId, 2);
    expect(head.columns).toHaveLength(1);
    const sizes: number[] = [];
    const exported: string[] = [];
    for await (const batch of batches) {
      sizes.push(batch.length);
      exported.push(...batch.map((row) => row.traineeName));
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect(exported).toEqual(names);
    const csv = await http.as(cast.trainer).get(`${base}/gradebook.csv?lang=en`).expect(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines.slice(1)).toEqual(names.map((name) => `${name};to grade`));
  });

  it('refuses a completion until the required assignment is passed, and tells the trainee', async () => {
    const setup = await assignmentSetup(
      api,
      cast.trainer,
      ['fr'],
      { requiredForCompletion: true, passMarkPercent: 60, title: 'Devoir final' },
      {
        course: {
          completionRule: {
            requiredModules: false,
            minAttendancePercent: null,
            trainerValidation: true,
          },
        },
        planner: cast.admin,
        session: pastSession(12, 11),
        status: 'running',
      },
    );
    const [{ session, enrollmentId }] = setup.trainees;
    const refused = await http
      .as(cast.trainer)
      .post(`/api/v1/enrollments/${enrollmentId}/complete`)
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'assignment_not_passed',
      detail:
        'Not met — assignments_passed: passed 0 of 1 required assignment; not yet: Devoir final.',
    });
    const learner = await http
      .as(session)
      .get(learnerUrl(enrollmentId, setup.moduleId))
      .expect(200);
    expect(learner.body.assignment).toMatchObject({
      requiredForCompletion: true,
      passMarkPercent: 60,
    });

    // 7.5 of 15 (50 %) does not pass 60 %; 12.5 (83.33 %) does once published again.
    await submitAndGrade(setup, 0, [1, 1]);
    const stillRefused = await http
      .as(session)
      .get(`/api/v1/enrollments/${enrollmentId}`)
      .expect(200);
    expect(stillRefused.body.completionCheck.criteria).toContainEqual(
      expect.objectContaining({ criterion: 'assignments_passed', met: false }),
    );
    const [{ id }] = await database(api).query(
      `SELECT id FROM assignment_submission WHERE enrollment_id = $1`,
      [enrollmentId],
    );
    await http
      .as(cast.trainer)
      .post(`/api/v1/assignment-submissions/${id}/grade`, {
        rubricLevels: levels(setup.assignment.rubric, [2, 1]),
        feedback: 'Corrigé après relecture.',
        decision: 'publish',
      })
      .expect(200);
    const detail = await http.as(session).get(`/api/v1/enrollments/${enrollmentId}`).expect(200);
    expect(detail.body.completionCheck.criteria).toContainEqual({
      criterion: 'assignments_passed',
      met: true,
      detail: 'passed 1 of 1 required assignment',
    });
    await http.as(cast.trainer).post(`/api/v1/enrollments/${enrollmentId}/complete`).expect(200);
  });

  it('copies a course’s assignments and rubrics to the new edition’s modules, not submissions', async () => {
    const setup = await assignmentSetup(api, cast.trainer, ['fr']);
    await submitAndGrade(setup, 0, [2, 2]);
    const edition = await publishedCourse(api, cast.trainer, {}, 1);
    const dataSource = api.app.get(DataSource);
    await dataSource.transaction((manager) =>
      api.app
        .get(AssignmentCopier)
        .copy(
          manager,
          { courseId: setup.courseId },
          { courseId: edition.id },
          new Map([[setup.moduleId, edition.moduleIds[0]]]),
        ),
    );
    const copy = await http
      .as(cast.trainer)
      .get(`/api/v1/modules/${edition.moduleIds[0]}/assignment`)
      .expect(200);
    const { id, courseId, moduleId, submissionCount, ...settings } = copy.body;
    const original = setup.assignment;
    expect(id).not.toBe(original.id);
    expect({ courseId, moduleId, submissionCount }).toEqual({
      courseId: edition.id,
      moduleId: edition.moduleIds[0],
      submissionCount: 0,
    });
    expect(settings).toEqual({
      ...Object.fromEntries(
        Object.entries(original).filter(
          ([key]) => !['id', 'courseId', 'moduleId', 'submissionCount'].includes(key),
        ),
      ),
    });
    // The copy's rubric is its own: changing it leaves the original as it was.
    await http
      .as(cast.trainer)
      .put(
        `/api/v1/modules/${edition.moduleIds[0]}/assignment`,
        assignmentBody({ rubric: null, maxMark: 10 }),
      )
      .expect(200);
    const before = await http
      .as(cast.trainer)
      .get(`/api/v1/modules/${setup.moduleId}/assignment`)
      .expect(200);
    expect(before.body.rubric).toEqual(original.rubric);
    const rows = await database(api).query(
      `SELECT count(*)::int AS n FROM assignment_submission s JOIN assignment a ON a.id = s.assignment_id
        WHERE a.course_id = $1`,
      [edition.id],
    );
    expect(rows[0].n).toBe(0);
  });
});
