import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { Confirmation } from '@oris/web/ui/dialogs';
import {
  aGradingSubmission,
  anAssignment,
  type Answer,
  fakeApi,
  problem,
  settle,
  SUBMISSION_ID,
} from '../testing';
import { GradingPage } from './grading-page';

const SUBMISSION = `/api/v1/assignment-submissions/${SUBMISSION_ID}`;
const FR = {
  assignments: {
    grading: { total: 'Total : {{points}} / {{max}} ({{percent}} %)' },
  },
};

async function render(routes: Record<string, Answer>) {
  const api = fakeApi(routes);
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: FR },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      provideRouter([{ path: 'teaching/submissions/:submissionId', component: GradingPage }]),
      { provide: API_FETCH, useValue: api.fetch },
      { provide: Confirmation, useValue: { ask: async () => true } },
    ],
  });
  const harness = await RouterTestingHarness.create();
  const page = await harness.navigateByUrl(`/teaching/submissions/${SUBMISSION_ID}`, GradingPage);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const choose = async (criterionId: string, levelId: string) => {
    const radio = element.querySelector<HTMLInputElement>(
      `input[name="criterion-${criterionId}"][value="${levelId}"]`,
    );
    if (!radio) throw new Error(`No level ${levelId}`);
    radio.click();
    await harness.fixture.whenStable();
  };
  const button = (text: string) =>
    [...element.querySelectorAll<HTMLButtonElement>('button')].find(
      (candidate) => candidate.textContent?.trim() === text,
    ) ?? null;
  const press = async (text: string) => {
    button(text)?.click();
    await settle(harness);
  };
  const total = () => element.querySelector('.total')?.textContent?.trim().replace(/\s+/g, ' ');
  const grades = () => api.calls.filter((call) => call.path === `${SUBMISSION}/grade`);
  return { page, harness, element, choose, button, press, total, grades };
}

/** The API's answer to a grade: the submission in its new state. */
const graded: Answer = (call) => {
  const body = call.body as { decision: string; rubricLevels?: Record<string, string> };
  return Response.json(
    aGradingSubmission({
      status: body.decision === 'return' ? 'returned' : 'graded',
      rubricLevels: body.rubricLevels ?? null,
    }),
  );
};

describe('GradingPage', () => {
  jest.setTimeout(30_000);

  it('adds up the chosen levels as they are chosen, and publishes only a complete grade', async () => {
    const { choose, button, total, element } = await render({
      [`GET ${SUBMISSION}`]: () => Response.json(aGradingSubmission()),
    });
    expect(element.querySelector('.work-text')?.textContent).toContain('cantines');
    expect(total()).toBe('Total : 0 / 15 (0 %)');
    expect(button('assignments.grading.publish')?.disabled).toBe(true);

    await choose('clarity', 'striking');
    expect(total()).toBe('Total : 10 / 15 (66.67 %)');
    // One criterion still has no level: not yet.
    expect(button('assignments.grading.publish')?.disabled).toBe(true);

    await choose('audience', 'described');
    expect(total()).toBe('Total : 15 / 15 (100 %)');
    await choose('clarity', 'clear');
    expect(total()).toBe('Total : 10 / 15 (66.67 %)');
    expect(button('assignments.grading.publish')?.disabled).toBe(false);
  });

  it('publishes the levels and the feedback, then says the trainee is told', async () => {
    const { choose, press, grades, element, page, harness } = await render({
      [`GET ${SUBMISSION}`]: () => Response.json(aGradingSubmission()),
      [`POST ${SUBMISSION}/grade`]: graded,
    });
    await choose('clarity', 'striking');
    await choose('audience', 'missing');
    const feedback = element.querySelector('textarea') as HTMLTextAreaElement;
    feedback.value = 'Précisez votre public.';
    feedback.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
    expect(page.hasUnsavedChanges()).toBe(true);

    await press('assignments.grading.publish');

    expect(grades().map((call) => call.body)).toEqual([
      {
        rubricLevels: { clarity: 'striking', audience: 'missing' },
        feedback: 'Précisez votre public.',
        decision: 'publish',
      },
    ]);
    expect(element.querySelector('p.done')?.textContent?.trim()).toBe(
      'assignments.grading.done.graded',
    );
    expect(page.hasUnsavedChanges()).toBe(false);
  });

  it('returns a submission for resubmission, after which it can no longer be returned', async () => {
    const { choose, press, grades, button, element } = await render({
      [`GET ${SUBMISSION}`]: () => Response.json(aGradingSubmission()),
      [`POST ${SUBMISSION}/grade`]: graded,
    });
    await choose('clarity', 'vague');
    await choose('audience', 'missing');

    await press('assignments.grading.return');

    expect(grades().map((call) => (call.body as { decision: string }).decision)).toEqual([
      'return',
    ]);
    expect(element.querySelector('p.done')?.textContent?.trim()).toBe(
      'assignments.grading.done.returned',
    );
    // Back with the trainee: nothing left to grade until it is handed in again.
    expect(button('assignments.grading.return')).toBeNull();
    expect(button('assignments.grading.publish')).toBeNull();
  });

  it('offers no return once a submission is graded, only a new grade', async () => {
    const { button } = await render({
      [`GET ${SUBMISSION}`]: () =>
        Response.json(
          aGradingSubmission({
            status: 'graded',
            rubricLevels: { clarity: 'clear', audience: 'described' },
          }),
        ),
    });

    expect(button('assignments.grading.return')).toBeNull();
    expect(button('assignments.grading.publish')?.disabled).toBe(false);
  });

  it('grades with a mark when there is no rubric, refusing one above the maximum', async () => {
    const { press, grades, button, total, element, harness } = await render({
      [`GET ${SUBMISSION}`]: () =>
        Response.json(
          aGradingSubmission({
            assignment: anAssignment({ rubric: null, maxMark: 20, maxPoints: 20 }),
          }),
        ),
      [`POST ${SUBMISSION}/grade`]: graded,
    });
    const mark = element.querySelector<HTMLInputElement>('input[type="number"]');
    if (!mark) throw new Error('No mark field');
    const typeMark = async (value: string) => {
      mark.value = value;
      mark.dispatchEvent(new Event('input'));
      await harness.fixture.whenStable();
    };

    await typeMark('24');
    expect(button('assignments.grading.publish')?.disabled).toBe(true);

    await typeMark('14.5');
    expect(total()).toBe('Total : 14.5 / 20 (72.5 %)');
    await press('assignments.grading.publish');

    expect(grades().map((call) => call.body)).toEqual([
      { mark: 14.5, feedback: '', decision: 'publish' },
    ]);
  });

  it('shows why a grade was refused and keeps what the trainer chose', async () => {
    const { choose, press, button, element, page } = await render({
      [`GET ${SUBMISSION}`]: () => Response.json(aGradingSubmission()),
      [`POST ${SUBMISSION}/grade`]: () =>
        problem(409, 'submission_not_gradable', 'Ce devoir a été repris par l’apprenant·e'),
    });
    await choose('clarity', 'clear');
    await choose('audience', 'described');

    await press('assignments.grading.publish');

    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Ce devoir a été repris par l’apprenant·e',
    );
    expect(element.querySelector('p.done')).toBeNull();
    expect(button('assignments.grading.publish')?.disabled).toBe(false);
    expect(
      element.querySelector<HTMLInputElement>('input[name="criterion-clarity"][value="clear"]')
        ?.checked,
    ).toBe(true);
    expect(page.hasUnsavedChanges()).toBe(true);
  });

  it('attaches a feedback file chosen with the translated picker, and lists it', async () => {
    const { element, harness } = await render({
      [`GET ${SUBMISSION}`]: () => Response.json(aGradingSubmission()),
      [`POST ${SUBMISSION}/feedback-files`]: () =>
        Response.json(
          aGradingSubmission({
            feedbackFiles: [
              {
                id: 'file-1',
                name: 'corrigé.pdf',
                kind: 'pdf',
                size: 1200,
                sha256: 'abc',
                uploadedAt: '2026-12-02T10:00:00Z',
              },
            ],
          }),
        ),
    });
    // The browser's own file input stays hidden: its words would be in the browser's language.
    const input = element.querySelector<HTMLInputElement>('oris-file-drop-zone input[type="file"]');
    if (!input) throw new Error('No file input');
    expect(input.getAttribute('aria-hidden')).toBe('true');
    expect(element.querySelector('oris-file-drop-zone button')?.textContent?.trim()).toBe(
      'assignments.grading.feedbackFile',
    );
    const file = new File(['%PDF-1.7'], 'corrigé.pdf', { type: 'application/pdf' });
    Object.defineProperty(input, 'files', { value: { item: () => file, length: 1 } });

    input.dispatchEvent(new Event('change'));
    await settle(harness);

    expect(element.querySelector('ul.files')?.textContent).toContain('corrigé.pdf');
  });

  it('says why the submission cannot be opened', async () => {
    const { element } = await render({
      [`GET ${SUBMISSION}`]: () => problem(404, 'submission_not_found', 'Devoir introuvable'),
    });

    expect(element.querySelector('h1')?.textContent?.trim()).toBe('assignments.unavailable');
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Devoir introuvable');
  });
});
