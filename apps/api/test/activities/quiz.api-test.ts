// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { QuizClock } from '@oris/api/activities';
import request from 'supertest';
import { Cast, castOf, client } from '../catalogue/catalogue-client';
import { baseline, database, openSession, pastSession } from '../enrollments/enrollment-client';
import { Session, signInWithRoles } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import {
  addQuestions,
  BankQuestion,
  QUESTIONS,
  rightAnswer,
  settingsBody,
  wrongAnswer,
} from './quiz-support';

interface AttemptQuestion {
  questionId: string;
  type: string;
  options: { id: string; text: string }[];
  matchRights: { id: string }[];
  score: number | null;
  correctAnswer: unknown;
  feedback: string | null;
}

describe('quizzes: bank, attempts, grading, time limit, access, regrade, completion', () => {
  let api: TestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;
  let clock: QuizClock;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await castOf(api);
    http = client(api);
    clock = api.app.get(QuizClock);
  });

  afterEach(() => clock.set(0));
  afterAll(() => api.close());

  /** A course of the trainer with one module, a session, and `trainees` enrolled (confirmed). */
  async function courseWithTrainees(
    count: number,
    options: Parameters<typeof openSession>[2] = {},
  ) {
    const opened = await openSession(api, cast.trainer, options);
    const trainees: { session: Session; enrollmentId: string }[] = [];
    for (let i = 0; i < count; i += 1) {
      const session = await signInWithRoles(api, cast.admin, ['trainee']);
      const enrolled = options.planner
        ? await http
            .as(cast.admin)
            .post(
              `/api/v1/sessions/${opened.sessionId}/enrollments`,
              baseline({ userId: session.user.id }),
            )
            .expect(201)
        : await http
            .as(session)
            .post(`/api/v1/sessions/${opened.sessionId}/enrollments`, baseline())
            .expect(201);
      trainees.push({ session, enrollmentId: enrolled.body.id });
    }
    return { ...opened, moduleId: opened.moduleIds[0], trainees };
  }

  const quizUrl = (enrollmentId: string, moduleId: string) =>
    `/api/v1/enrollments/${enrollmentId}/modules/${moduleId}/quiz`;

  describe('grading and review', () => {
    let setup: Awaited<ReturnType<typeof courseWithTrainees>>;
    let bank: BankQuestion[];
    let quizId: string;

    beforeAll(async () => {
      setup = await courseWithTrainees(3);
      bank = await addQuestions(api, cast.trainer, setup.courseId, Object.values(QUESTIONS));
      const quiz = await http
        .as(cast.trainer)
        .put(`/api/v1/modules/${setup.moduleId}/quiz`, settingsBody())
        .expect(200);
      quizId = quiz.body.id;
      expect(quiz.body).toMatchObject({ poolSize: 6, questionsPerAttempt: 6, attemptCount: 0 });
    });

    it('grades every question type on the server: right answers earn every point, wrong ones none', async () => {
      const { session, enrollmentId } = setup.trainees[0];
      const attempt = await http
        .as(session)
        .post(`${quizUrl(enrollmentId, setup.moduleId)}/attempts`)
        .expect(200);
      expect(attempt.body.questions).toHaveLength(6);
      const byId = new Map(bank.map((q) => [q.id, q]));
      // Right to all but the matching question, which is answered wrong.
      for (const question of attempt.body.questions as AttemptQuestion[]) {
        const bankQuestion = byId.get(question.questionId) as BankQuestion;
        const body =
          bankQuestion.type === 'matching' ? wrongAnswer(bankQuestion) : rightAnswer(bankQuestion);
        await http
          .as(session)
          .put(`/api/v1/quiz-attempts/${attempt.body.id}/answers/${question.questionId}`, body)
          .expect(200);
      }
      const submitted = await http
        .as(session)
        .post(`/api/v1/quiz-attempts/${attempt.body.id}/submit`)
        .expect(200);
      expect(submitted.body).toMatchObject({
        status: 'submitted',
        closedBy: 'trainee',
        score: 6,
        maxScore: 9,
        percent: 66.67,
        passed: true,
        reviewVisible: true,
      });
      for (const question of submitted.body.questions as AttemptQuestion[]) {
        const points = (byId.get(question.questionId) as BankQuestion & { points: number }).points;
        expect(question.score).toBe(question.type === 'matching' ? 0 : points);
        expect(question.correctAnswer).not.toBeNull();
      }
    });

    it('gives partial credit for multiple choice and matching as the rule states', async () => {
      const { session, enrollmentId } = setup.trainees[1];
      const attempt = await http
        .as(session)
        .post(`${quizUrl(enrollmentId, setup.moduleId)}/attempts`)
        .expect(200);
      const multiple = bank.find((q) => q.type === 'multiple_choice') as BankQuestion;
      const matching = bank.find((q) => q.type === 'matching') as BankQuestion;
      const correct = multiple.options.filter((o) => o.correct).map((o) => o.id);
      await http
        .as(session)
        .put(`/api/v1/quiz-attempts/${attempt.body.id}/answers/${multiple.id}`, {
          optionIds: [correct[0]],
        })
        .expect(200);
      const [p1, p2, p3] = matching.pairs.map((p) => p.id);
      await http
        .as(session)
        .put(`/api/v1/quiz-attempts/${attempt.body.id}/answers/${matching.id}`, {
          matches: [
            { leftId: p1, rightId: p1 },
            { leftId: p2, rightId: p3 },
            { leftId: p3, rightId: p2 },
          ],
        })
        .expect(200);
      const submitted = await http
        .as(session)
        .post(`/api/v1/quiz-attempts/${attempt.body.id}/submit`)
        .expect(200);
      const scoreOf = (id: string) =>
        (submitted.body.questions as AttemptQuestion[]).find((q) => q.questionId === id)?.score;
      expect(scoreOf(multiple.id)).toBe(1);
      expect(scoreOf(matching.id)).toBe(1);
      expect(submitted.body).toMatchObject({ score: 2, maxScore: 9, passed: false });
    });

    it('never sends the key while an attempt is in progress, and resumes the same draw and order', async () => {
      const { session, enrollmentId } = setup.trainees[2];
      const first = await http
        .as(session)
        .post(`${quizUrl(enrollmentId, setup.moduleId)}/attempts`)
        .expect(200);
      const text = JSON.stringify(first.body);
      expect(text).not.toMatch(/"correct"|acceptedAnswers|tolerance|"value"/);
      for (const question of first.body.questions as AttemptQuestion[]) {
        expect(question).toMatchObject({ score: null, correctAnswer: null, feedback: null });
      }
      const single = bank.find((q) => q.type === 'single_choice') as BankQuestion;
      await http
        .as(session)
        .put(`/api/v1/quiz-attempts/${first.body.id}/answers/${single.id}`, rightAnswer(single))
        .expect(200);
      // A lost connection: starting again and reading the attempt give the same attempt.
      const again = await http
        .as(session)
        .post(`${quizUrl(enrollmentId, setup.moduleId)}/attempts`)
        .expect(200);
      const read = await http.as(session).get(`/api/v1/quiz-attempts/${first.body.id}`).expect(200);
      const order = (body: { questions: AttemptQuestion[] }) =>
        body.questions.map((q) => [
          q.questionId,
          q.options.map((o) => o.id),
          q.matchRights.map((r) => r.id),
        ]);
      expect(again.body.id).toBe(first.body.id);
      expect(order(again.body)).toEqual(order(first.body));
      expect(order(read.body)).toEqual(order(first.body));
      const answered = (read.body.questions as (AttemptQuestion & { answer: unknown })[]).find(
        (q) => q.questionId === single.id,
      );
      expect(answered?.answer).toEqual(rightAnswer(single));
    });

    it('hides the review until the last attempt when the quiz says so', async () => {
      await http
        .as(cast.trainer)
        .put(
          `/api/v1/modules/${setup.moduleId}/quiz`,
          settingsBody({ reviewPolicy: 'after_last_attempt' }),
        )
        .expect(200);
      const { session, enrollmentId } = setup.trainees[0];
      const overview = await http
        .as(session)
        .get(quizUrl(enrollmentId, setup.moduleId))
        .expect(200);
      expect(overview.body).toMatchObject({ attemptsUsed: 1, attemptsAllowed: 2, canStart: true });
      const firstId = overview.body.attempts[0].id;
      const hidden = await http.as(session).get(`/api/v1/quiz-attempts/${firstId}`).expect(200);
      expect(hidden.body.reviewVisible).toBe(false);
      expect(JSON.stringify(hidden.body.questions)).not.toMatch(/"correct"|"feedback":"La loi/);
      expect(hidden.body.questions.every((q: AttemptQuestion) => q.correctAnswer === null)).toBe(
        true,
      );
      const second = await http
        .as(session)
        .post(`${quizUrl(enrollmentId, setup.moduleId)}/attempts`)
        .expect(200);
      // While the last attempt is in progress, the first one's answers stay hidden.
      const during = await http.as(session).get(`/api/v1/quiz-attempts/${firstId}`).expect(200);
      expect(during.body.reviewVisible).toBe(false);
      await http.as(session).post(`/api/v1/quiz-attempts/${second.body.id}/submit`).expect(200);
      const shown = await http.as(session).get(`/api/v1/quiz-attempts/${firstId}`).expect(200);
      expect(shown.body.reviewVisible).toBe(true);
      const after = await http.as(session).get(quizUrl(enrollmentId, setup.moduleId)).expect(200);
      // Highest of 66.67 and 0.
      expect(after.body).toMatchObject({
        attemptsUsed: 2,
        grade: 66.67,
        passed: true,
        canStart: false,
      });
      const refused = await http
        .as(session)
        .post(`${quizUrl(enrollmentId, setup.moduleId)}/attempts`)
        .expect(409);
      expect(refused.body.code).toBe('no_attempt_left');
    });

    it('refuses answers after submission, unknown questions and options, as problems', async () => {
      const { session, enrollmentId } = setup.trainees[1];
      const overview = await http
        .as(session)
        .get(quizUrl(enrollmentId, setup.moduleId))
        .expect(200);
      const attemptId = overview.body.attempts[0].id;
      const single = bank.find((q) => q.type === 'single_choice') as BankQuestion;
      const late = await http
        .as(session)
        .put(`/api/v1/quiz-attempts/${attemptId}/answers/${single.id}`, rightAnswer(single))
        .expect(409);
      expect(late.headers['content-type']).toContain('application/problem+json');
      expect(late.body.code).toBe('attempt_submitted');
      await http.as(session).post(`/api/v1/quiz-attempts/${attemptId}/submit`).expect(409);

      const next = await http
        .as(session)
        .post(`${quizUrl(enrollmentId, setup.moduleId)}/attempts`)
        .expect(200);
      const unknown = await http
        .as(session)
        .put(`/api/v1/quiz-attempts/${next.body.id}/answers/00000000-0000-4000-8000-000000000000`, {
          optionId: 'o1',
        })
        .expect(404);
      expect(unknown.body.code).toBe('question_not_in_attempt');
      const badOption = await http
        .as(session)
        .put(`/api/v1/quiz-attempts/${next.body.id}/answers/${single.id}`, { optionId: 'zz9' })
        .expect(400);
      expect(badOption.body.errors[0].field).toBe('optionId');
      await http
        .as(session)
        .put(`/api/v1/quiz-attempts/${next.body.id}/answers/${single.id}`, { text: 'x' })
        .expect(400);
      await http
        .as(session)
        .put(`/api/v1/quiz-attempts/${next.body.id}/answers/${single.id}`, {
          optionId: 'o1',
          extra: true,
        })
        .expect(400);
      const raw = (body: string) =>
        request(api.url)
          .put(`/api/v1/quiz-attempts/${next.body.id}/answers/${single.id}`)
          .auth(session.accessToken, { type: 'bearer' })
          .set('content-type', 'application/json')
          .send(body);
      const surrogate = await raw('{"text": "x\\ud800y"}').expect(400);
      expect(surrogate.headers['content-type']).toContain('application/problem+json');
      const deep = await raw(`${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`).expect(400);
      expect(deep.headers['content-type']).toContain('application/problem+json');
    });

    it('keeps attempts to their owner (404) and results to the course’s trainers (403)', async () => {
      const owner = setup.trainees[0];
      const overview = await http
        .as(owner.session)
        .get(quizUrl(owner.enrollmentId, setup.moduleId))
        .expect(200);
      const attemptId = overview.body.attempts[0].id;
      const other = setup.trainees[1].session;
      await http.as(other).get(`/api/v1/quiz-attempts/${attemptId}`).expect(404);
      await http.as(other).post(`/api/v1/quiz-attempts/${attemptId}/submit`).expect(404);
      await http.as(other).get(quizUrl(owner.enrollmentId, setup.moduleId)).expect(404);
      await http.as(cast.trainer).get(`/api/v1/quiz-attempts/${attemptId}`).expect(404);
      for (const url of [
        `/api/v1/courses/${setup.courseId}/questions`,
        `/api/v1/modules/${setup.moduleId}/quiz`,
        `/api/v1/quizzes/${quizId}/results`,
      ]) {
        const refused = await http.as(cast.otherTrainer).get(url).expect(403);
        expect(refused.body.code).toBe('not_course_owner');
      }
      await http.as(cast.otherTrainer).post(`/api/v1/quizzes/${quizId}/regrade`).expect(403);
      await http.as(other).get(`/api/v1/courses/${setup.courseId}/questions`).expect(403);
    });

    it('shows the trainers results per question and per trainee', async () => {
      const results = await http
        .as(cast.trainer)
        .get(`/api/v1/quizzes/${quizId}/results`)
        .expect(200);
      const single = results.body.questions.find(
        (q: { type: string }) => q.type === 'single_choice',
      );
      expect(single).toMatchObject({ graded: 3, correct: 1, percentCorrect: 33 });
      const first = results.body.trainees.find(
        (t: { enrollmentId: string }) => t.enrollmentId === setup.trainees[0].enrollmentId,
      );
      expect(first).toMatchObject({ grade: 66.67, passed: true });
      expect(first.attempts.map((a: { percent: number }) => a.percent)).toEqual([66.67, 0]);
    });

    it('regrades every submitted attempt after a question is fixed, and audits it', async () => {
      // The true/false question was "wrong": the right answer is false after all.
      const trueFalse = bank.find((q) => q.type === 'true_false') as BankQuestion;
      const fixed = await http
        .as(cast.trainer)
        .put(`/api/v1/courses/${setup.courseId}/questions/${trueFalse.id}`, {
          ...QUESTIONS.trueFalse,
          correct: false,
        })
        .expect(200);
      expect(fixed.body).toMatchObject({ version: 2, correct: false });
      const regrade = await http
        .as(cast.trainer)
        .post(`/api/v1/quizzes/${quizId}/regrade`)
        .expect(200);
      expect(regrade.body.attempts).toBeGreaterThanOrEqual(3);
      expect(regrade.body.changed).toBeGreaterThanOrEqual(1);
      const results = await http
        .as(cast.trainer)
        .get(`/api/v1/quizzes/${quizId}/results`)
        .expect(200);
      const first = results.body.trainees.find(
        (t: { enrollmentId: string }) => t.enrollmentId === setup.trainees[0].enrollmentId,
      );
      // Was 6/9 with true/false right; now the same answer is wrong: 5/9, and the second
      // attempt (no answer) earns... nothing still.
      expect(first.attempts[0].percent).toBe(55.56);
      const [audit] = await database(api).query(
        `SELECT data FROM audit_event WHERE action = 'quiz.regraded' AND subject_id = $1`,
        [quizId],
      );
      expect(audit.data).toMatchObject({
        attempts: regrade.body.attempts,
        changed: regrade.body.changed,
      });
      // An answered question cannot be deleted, nor change type.
      await http
        .as(cast.trainer)
        .delete(`/api/v1/courses/${setup.courseId}/questions/${trueFalse.id}`)
        .expect(409);
      await http
        .as(cast.trainer)
        .put(`/api/v1/courses/${setup.courseId}/questions/${trueFalse.id}`, QUESTIONS.numeric)
        .expect(409);
    });
  });

  describe('time limit, by the server’s clock', () => {
    it('refuses answers after the deadline and its grace, closing the attempt at its deadline', async () => {
      const setup = await courseWithTrainees(1);
      const [question] = await addQuestions(api, cast.trainer, setup.courseId, [QUESTIONS.single]);
      await http
        .as(cast.trainer)
        .put(`/api/v1/modules/${setup.moduleId}/quiz`, settingsBody({ timeLimitMinutes: 10 }))
        .expect(200);
      const { session, enrollmentId } = setup.trainees[0];
      const attempt = await http
        .as(session)
        .post(`${quizUrl(enrollmentId, setup.moduleId)}/attempts`)
        .expect(200);
      expect(attempt.body.secondsLeft).toBeGreaterThan(590);
      const answerUrl = `/api/v1/quiz-attempts/${attempt.body.id}/answers/${question.id}`;
      // Within the grace: still taken.
      clock.set(10 * 60_000 + 20_000);
      await http.as(session).put(answerUrl, rightAnswer(question)).expect(200);
      clock.set(10 * 60_000 + 40_000);
      const late = await http.as(session).put(answerUrl, wrongAnswer(question)).expect(409);
      expect(late.body.code).toBe('attempt_time_up');
      const closed = await http
        .as(session)
        .get(`/api/v1/quiz-attempts/${attempt.body.id}`)
        .expect(200);
      expect(closed.body).toMatchObject({
        status: 'submitted',
        closedBy: 'deadline',
        submittedAt: attempt.body.deadlineAt,
        percent: 100,
      });
    });

    it('closes an abandoned attempt when the trainee comes back, and lets them start the next', async () => {
      const setup = await courseWithTrainees(1);
      await addQuestions(api, cast.trainer, setup.courseId, [QUESTIONS.trueFalse]);
      await http
        .as(cast.trainer)
        .put(`/api/v1/modules/${setup.moduleId}/quiz`, settingsBody({ timeLimitMinutes: 5 }))
        .expect(200);
      const { session, enrollmentId } = setup.trainees[0];
      const first = await http
        .as(session)
        .post(`${quizUrl(enrollmentId, setup.moduleId)}/attempts`)
        .expect(200);
      clock.set(60 * 60_000);
      const overview = await http
        .as(session)
        .get(quizUrl(enrollmentId, setup.moduleId))
        .expect(200);
      expect(overview.body.attempts[0]).toMatchObject({ closedBy: 'deadline', percent: 0 });
      expect(overview.body.inProgressAttemptId).toBeNull();
      const second = await http
        .as(session)
        .post(`${quizUrl(enrollmentId, setup.moduleId)}/attempts`)
        .expect(200);
      expect(second.body).toMatchObject({ number: 2, status: 'in_progress' });
      expect(second.body.id).not.toBe(first.body.id);
    });
  });

  describe('completion rule with a required quiz', () => {
    it('refuses the completion until the trainee passes the quiz, and tells the trainee', async () => {
      const setup = await courseWithTrainees(1, {
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
      });
      const bank = await addQuestions(api, cast.trainer, setup.courseId, [
        QUESTIONS.single,
        QUESTIONS.numeric,
      ]);
      await http
        .as(cast.trainer)
        .put(
          `/api/v1/modules/${setup.moduleId}/quiz`,
          settingsBody({ title: 'Quiz final', requiredForCompletion: true, passMarkPercent: 100 }),
        )
        .expect(200);
      const { session, enrollmentId } = setup.trainees[0];
      const refused = await http
        .as(cast.trainer)
        .post(`/api/v1/enrollments/${enrollmentId}/complete`)
        .expect(409);
      expect(refused.body).toMatchObject({
        code: 'quiz_not_passed',
        detail: 'Not met — quizzes_passed: passed 0 of 1 required quiz; not yet: Quiz final.',
      });
      const overview = await http
        .as(session)
        .get(quizUrl(enrollmentId, setup.moduleId))
        .expect(200);
      expect(overview.body).toMatchObject({ requiredForCompletion: true, passed: false });

      const attempt = await http
        .as(session)
        .post(`${quizUrl(enrollmentId, setup.moduleId)}/attempts`)
        .expect(200);
      for (const question of bank) {
        await http
          .as(session)
          .put(
            `/api/v1/quiz-attempts/${attempt.body.id}/answers/${question.id}`,
            rightAnswer(question),
          )
          .expect(200);
      }
      await http.as(session).post(`/api/v1/quiz-attempts/${attempt.body.id}/submit`).expect(200);
      const detail = await http.as(session).get(`/api/v1/enrollments/${enrollmentId}`).expect(200);
      expect(detail.body.completionCheck.criteria).toContainEqual({
        criterion: 'quizzes_passed',
        met: true,
        detail: 'passed 1 of 1 required quiz',
      });
      await http.as(cast.trainer).post(`/api/v1/enrollments/${enrollmentId}/complete`).expect(200);
    });
  });
});
