// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { assignmentSetup, learnerUrl, levels, pdf, upload } from '../activities/assignment-support';
import {
  addQuestions,
  QUESTIONS,
  settingsBody,
  type BankQuestion,
} from '../activities/quiz-support';
import { Cast, castOf, client } from '../catalogue/catalogue-client';
import { database } from '../enrollments/enrollment-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';

/**
 * Law 09-08 and the learning activities (issue 18): the export holds a trainee's quiz attempts,
 * assignment submissions (text, files with their SHA-256, rubric results, feedback, grade),
 * notifications and announcement-email mutes, and a trainer's announcements; erasure removes
 * what the person wrote or chose and keeps what the gradebook counts.
 */
describe('learning activities: export and erasure of personal data', () => {
  let api: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;
  let setup: Awaited<ReturnType<typeof assignmentSetup>>;
  let quizId: string;
  let bank: BankQuestion[];
  const handedIn = pdf(300);

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
    http = client(api);
    setup = await assignmentSetup(api, cast.trainer, ['fr', 'ar'], {}, { modules: 2 });
    const [me, other] = setup.trainees;
    // An assignment handed in with a text and a file, graded with the rubric and published.
    const url = learnerUrl(me.enrollmentId, setup.moduleId);
    await upload(api, me.session, `${url}/submission/files`, handedIn, 'rapport.pdf').expect(200);
    await http
      .as(me.session)
      .put(`${url}/submission/text`, { text: 'Mon analyse du cas.' })
      .expect(200);
    await http.as(me.session).post(`${url}/submission/submit`).expect(200);
    const otherUrl = learnerUrl(other.enrollmentId, setup.moduleId);
    await http
      .as(other.session)
      .put(`${otherUrl}/submission/text`, { text: 'Texte de l’autre.' })
      .expect(200);
    await http.as(other.session).post(`${otherUrl}/submission/submit`).expect(200);
    const queue = await http
      .as(cast.trainer)
      .get(`/api/v1/sessions/${setup.sessionId}/assignment-submissions`)
      .expect(200);
    for (const item of queue.body.items as { submissionId: string; traineeName: string }[]) {
      await http
        .as(cast.trainer)
        .post(`/api/v1/assignment-submissions/${item.submissionId}/grade`, {
          rubricLevels: levels(setup.assignment.rubric, [1, 2]),
          feedback: 'Analyse correcte, forme soignée.',
          decision: 'publish',
        })
        .expect(200);
    }
    // A quiz on another module of the same course, answered and submitted.
    const moduleId = setup.moduleIds[1];
    bank = await addQuestions(api, cast.trainer, setup.courseId, [
      QUESTIONS.short,
      QUESTIONS.single,
    ]);
    quizId = (
      await http
        .as(cast.trainer)
        .put(`/api/v1/modules/${moduleId}/quiz`, settingsBody())
        .expect(200)
    ).body.id;
    const attempt = await http
      .as(me.session)
      .post(`/api/v1/enrollments/${me.enrollmentId}/modules/${moduleId}/quiz/attempts`)
      .expect(200);
    const short = bank.find((q) => q.type === 'short_answer') as BankQuestion;
    const single = bank.find((q) => q.type === 'single_choice') as BankQuestion;
    await http
      .as(me.session)
      .put(`/api/v1/quiz-attempts/${attempt.body.id}/answers/${short.id}`, {
        text: 'Ma réponse personnelle',
      })
      .expect(200);
    await http
      .as(me.session)
      .put(`/api/v1/quiz-attempts/${attempt.body.id}/answers/${single.id}`, {
        optionId: single.options.find((o) => o.correct)?.id,
      })
      .expect(200);
    await http.as(me.session).post(`/api/v1/quiz-attempts/${attempt.body.id}/submit`).expect(200);
    // An announcement (a notification to each trainee), and the session's emails muted.
    await http
      .as(cast.trainer)
      .post(`/api/v1/sessions/${setup.sessionId}/announcements`, {
        title: 'Séance déplacée',
        body: 'La séance de jeudi aura lieu en salle 2.',
        byEmail: false,
      })
      .expect(201);
    await http
      .as(me.session)
      .put(`/api/v1/me/sessions/${setup.sessionId}/announcement-email`, { muted: true })
      .expect(200);
  }, 120_000);

  afterAll(() => api.close());

  it('exports the trainee’s attempts, submissions, notifications and mutes, and no one else’s', async () => {
    const [me] = setup.trainees;
    const { body } = await http.as(me.session).get('/api/v1/me/export').expect(200);
    expect(body.assignmentSubmissions).toEqual([
      expect.objectContaining({
        assignmentTitle: 'Étude de cas',
        status: 'graded',
        text: 'Mon analyse du cas.',
        submissionCount: 1,
        feedback: 'Analyse correcte, forme soignée.',
        rubricResults: [
          { criterion: 'Analyse', level: 'Correcte', points: 5 },
          { criterion: 'Forme', level: 'Soignée', points: 5 },
        ],
        points: 10,
        maxPoints: 15,
        percent: 66.67,
        gradedAt: expect.any(String),
        files: [
          expect.objectContaining({
            role: 'submission',
            name: 'rapport.pdf',
            kind: 'pdf',
            size: handedIn.length,
            sha256: createHash('sha256').update(handedIn).digest('hex'),
          }),
        ],
      }),
    ]);
    expect(body.quizAttempts).toEqual([
      expect.objectContaining({
        number: 1,
        closedBy: 'trainee',
        submittedAt: expect.any(String),
        percent: expect.any(Number),
        answers: expect.arrayContaining([
          expect.objectContaining({ response: 'Ma réponse personnelle' }),
        ]),
      }),
    ]);
    expect(body.notifications).toEqual([
      expect.objectContaining({
        kind: 'announcement',
        params: expect.objectContaining({ title: 'Séance déplacée' }),
        readAt: null,
      }),
    ]);
    expect(body.announcementEmailMutes).toEqual([
      expect.objectContaining({ sessionTitle: expect.any(String), mutedAt: expect.any(String) }),
    ]);
    expect(body.announcementsWritten).toEqual([]);
    expect(JSON.stringify(body)).not.toContain('Texte de l’autre.');

    const trainer = (await http.as(cast.trainer).get('/api/v1/me/export').expect(200)).body;
    expect(trainer.announcementsWritten).toEqual([
      expect.objectContaining({ title: 'Séance déplacée', byEmail: false }),
    ]);

    const html = await http.as(me.session).get('/api/v1/me/export?format=html').expect(200);
    expect(html.text).toContain('Devoirs remis et retours reçus');
    expect(html.text).toContain('Ma réponse personnelle');
    expect(html.text).toContain(createHash('sha256').update(handedIn).digest('hex'));
  });

  it('erases notifications, mutes, unsubscribe links and typed answers, keeping every grade', async () => {
    const [me, other] = setup.trainees;
    const db = database(api);
    await db.query(
      `INSERT INTO announcement_unsubscribe (user_id, session_id, token_hash)
       VALUES ($1, $2, '\\x01'::bytea)`,
      [me.session.user.id, setup.sessionId],
    );
    const gradesOf = () =>
      db.query(
        `SELECT 'quiz' AS kind, user_id, percent::text FROM quiz_attempt WHERE quiz_id = $1
         UNION ALL
         SELECT 'assignment', user_id, percent::text FROM assignment_submission
          WHERE assignment_id = $2
         ORDER BY 1, 2`,
        [quizId, setup.assignment.id],
      );
    const before = await gradesOf();

    await http.as(cast.admin).post(`/api/v1/users/${me.session.user.id}/erasure`).expect(200);

    const count = async (sql: string, userId: string) =>
      (await db.query(sql, [userId]))[0].count as number;
    for (const table of ['notification', 'session_email_mute', 'announcement_unsubscribe']) {
      expect(
        await count(
          `SELECT count(*)::int AS count FROM ${table} WHERE user_id = $1`,
          me.session.user.id,
        ),
      ).toBe(0);
    }
    // The other trainee keeps their notification.
    expect(
      await count(
        `SELECT count(*)::int AS count FROM notification WHERE user_id = $1`,
        other.session.user.id,
      ),
    ).toBe(1);
    const responses: { response: { type: string; text?: string } }[] = await db.query(
      `SELECT n.response FROM quiz_answer n JOIN quiz_attempt a ON a.id = n.attempt_id
        WHERE a.user_id = $1`,
      [me.session.user.id],
    );
    expect(responses.map((row) => row.response)).toEqual(
      expect.arrayContaining([{ type: 'short_answer', text: '' }]),
    );
    const [submission] = await db.query(
      `SELECT text, feedback, rubric_levels, percent::float8 AS percent
         FROM assignment_submission WHERE user_id = $1`,
      [me.session.user.id],
    );
    expect(submission).toMatchObject({ text: '', feedback: '', percent: 66.67 });
    expect(submission.rubric_levels).not.toBeNull();
    expect(await gradesOf()).toEqual(before);

    // A regrade leaves the erased account's attempt as graded before its text went.
    await http.as(cast.trainer).post(`/api/v1/quizzes/${quizId}/regrade`).expect(200);
    expect(await gradesOf()).toEqual(before);
  });
});
