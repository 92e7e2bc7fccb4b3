import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { Confirmation } from '@oris/web/ui/dialogs';
import { fakeApi, problem, settle } from '@oris/web/testing';
import { ENROLLMENT_ID, MODULE_IDS } from '../testing';
import type { LearnerQuiz, QuizAttempt } from './quiz-api';
import { QuizPage } from './quiz-page';

const MODULE_ID = MODULE_IDS[0];
const QUIZ_URL = `/api/v1/enrollments/${ENROLLMENT_ID}/modules/${MODULE_ID}/quiz`;
const ATTEMPT_ID = '5a0c3e7e-2f51-4b0b-8a43-0e6f2b7c1c01';
const Q1 = '5a0c3e7e-2f51-4b0b-8a43-0e6f2b7c1d01';
const Q2 = '5a0c3e7e-2f51-4b0b-8a43-0e6f2b7c1d02';

const aQuiz = (changes: Partial<LearnerQuiz> = {}): LearnerQuiz => ({
  quizId: '5a0c3e7e-2f51-4b0b-8a43-0e6f2b7c1e01',
  moduleId: MODULE_ID,
  title: 'Quiz : les bases',
  questionsPerAttempt: 2,
  attemptsAllowed: 2,
  attemptsUsed: 0,
  timeLimitMinutes: null,
  passMarkPercent: 60,
  reviewPolicy: 'immediately',
  gradingMethod: 'highest',
  closesAt: null,
  requiredForCompletion: false,
  grade: null,
  passed: false,
  canStart: true,
  inProgressAttemptId: null,
  attempts: [],
  ...changes,
});

const anAttempt = (changes: Partial<QuizAttempt> = {}): QuizAttempt => ({
  id: ATTEMPT_ID,
  number: 1,
  status: 'in_progress',
  startedAt: '2026-12-06T10:00:00Z',
  deadlineAt: null,
  submittedAt: null,
  closedBy: null,
  score: null,
  maxScore: null,
  percent: null,
  quizId: '5a0c3e7e-2f51-4b0b-8a43-0e6f2b7c1e01',
  quizTitle: 'Quiz : les bases',
  secondsLeft: null,
  passMarkPercent: 60,
  passed: null,
  reviewVisible: false,
  questions: [Q1, Q2].map((questionId, index) => ({
    questionId,
    position: index + 1,
    type: 'true_false' as const,
    text: `Question ${index + 1}`,
    points: 1,
    options: [],
    matchLefts: [],
    matchRights: [],
    answer: index === 0 ? { booleanValue: true } : null,
    savedAt: null,
    score: null,
    correctAnswer: null,
    feedback: null,
  })),
  ...changes,
});

async function render(routes: Record<string, () => Response>, confirm = true) {
  const api = fakeApi(routes);
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      provideRouter([
        { path: 'learning/:enrollmentId/modules/:moduleId/quiz', component: QuizPage },
      ]),
      { provide: API_FETCH, useValue: api.fetch },
      { provide: Confirmation, useValue: { ask: jest.fn(async () => confirm) } },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(`/learning/${ENROLLMENT_ID}/modules/${MODULE_ID}/quiz`, QuizPage);
  await settle(harness);
  return { harness, element: harness.routeNativeElement as HTMLElement, calls: api.calls };
}

describe('QuizPage', () => {
  it('goes straight back into the attempt in progress, at its first unanswered question', async () => {
    const { element, calls } = await render({
      [`GET ${QUIZ_URL}`]: () => Response.json(aQuiz({ inProgressAttemptId: ATTEMPT_ID })),
      [`POST ${QUIZ_URL}/attempts`]: () => Response.json(anAttempt()),
    });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET ${QUIZ_URL}`,
      `POST ${QUIZ_URL}/attempts`,
    ]);
    expect(element.querySelector('legend .text')?.textContent?.trim()).toBe('Question 2');
  });

  it('saves an answer as it is given and says so', async () => {
    const { harness, element, calls } = await render({
      [`GET ${QUIZ_URL}`]: () => Response.json(aQuiz({ inProgressAttemptId: ATTEMPT_ID })),
      [`POST ${QUIZ_URL}/attempts`]: () => Response.json(anAttempt()),
      [`PUT /api/v1/quiz-attempts/${ATTEMPT_ID}/answers/${Q2}`]: () =>
        Response.json({ questionId: Q2, savedAt: '2026-12-06T10:01:00Z', secondsLeft: null }),
    });
    const radios = element.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    radios[1].click();
    await settle(harness);
    const save = calls.find((c) => c.method === 'PUT');
    expect(save?.body).toEqual({ booleanValue: false });
    expect(element.querySelector('.save-state')?.textContent).toContain('quiz.save.saved');
  });

  it('keeps an unsaved answer for another try when the connection fails', async () => {
    const { harness, element } = await render({
      [`GET ${QUIZ_URL}`]: () => Response.json(aQuiz({ inProgressAttemptId: ATTEMPT_ID })),
      [`POST ${QUIZ_URL}/attempts`]: () => Response.json(anAttempt()),
      [`PUT /api/v1/quiz-attempts/${ATTEMPT_ID}/answers/${Q2}`]: () => problem(503, 'unavailable'),
    });
    element.querySelectorAll<HTMLInputElement>('input[type="radio"]')[0].click();
    await settle(harness);
    expect(element.querySelector('.save-state')?.textContent).toContain('quiz.save.failed');
    expect(element.textContent).toContain('quiz.save.retry');
  });

  it('hands the attempt in once confirmed and shows the result', async () => {
    const { harness, element, calls } = await render({
      [`GET ${QUIZ_URL}`]: () => Response.json(aQuiz({ inProgressAttemptId: ATTEMPT_ID })),
      [`POST ${QUIZ_URL}/attempts`]: () => Response.json(anAttempt()),
      [`POST /api/v1/quiz-attempts/${ATTEMPT_ID}/submit`]: () =>
        Response.json(
          anAttempt({ status: 'submitted', percent: 50, score: 1, maxScore: 2, passed: false }),
        ),
    });
    const submit = [...element.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('quiz.submit.button'),
    );
    submit?.click();
    await settle(harness);
    expect(calls.some((c) => c.path.endsWith('/submit'))).toBe(true);
    expect(element.textContent).toContain('quiz.result.heading');
    expect(element.textContent).toContain('quiz.result.notPassed');
  });

  it('does not hand it in when the trainee keeps going', async () => {
    const { harness, element, calls } = await render(
      {
        [`GET ${QUIZ_URL}`]: () => Response.json(aQuiz({ inProgressAttemptId: ATTEMPT_ID })),
        [`POST ${QUIZ_URL}/attempts`]: () => Response.json(anAttempt()),
      },
      false,
    );
    [...element.querySelectorAll('button')]
      .find((b) => b.textContent?.includes('quiz.submit.button'))
      ?.click();
    await settle(harness);
    expect(calls.some((c) => c.path.endsWith('/submit'))).toBe(false);
  });
});
