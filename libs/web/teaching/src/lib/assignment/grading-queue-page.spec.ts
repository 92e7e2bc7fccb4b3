import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { type Call, fakeApi, SESSION_ID, settle } from '../testing';
import type { Gradebook, GradingQueue } from './assignment-teaching-api';
import { GradingQueuePage } from './grading-queue-page';

const queueItem = (n: number) => ({
  submissionId: `7d3f1c52-0a51-4f1e-9a43-${String(n).padStart(12, '0')}`,
  assignmentId: '7d3f1c52-0a51-4f1e-9a43-2f7e1b0c9a10',
  assignmentTitle: 'Étude de cas',
  moduleTitle: 'Module 1',
  traineeName: `Apprenant ${n}`,
  status: 'submitted' as const,
  submittedAt: '2026-12-01T10:00:00.000Z',
  late: false,
  submissionCount: 1,
  percent: null,
});

const row = (n: number) => ({
  enrollmentId: `7d3f1c52-0a51-4f1e-9a43-${String(n).padStart(12, '0')}`,
  traineeName: `Stagiaire ${n}`,
  cells: [{ percent: null, passed: null, status: null, late: false }],
});

/** Pages of 20: a queue of 45 to grade, a gradebook of 25 trainees. */
function pageOfQueue(call: Call): Response {
  const page = Number(new URLSearchParams(call.query).get('page') ?? '1');
  const first = (page - 1) * 20;
  const items = Array.from({ length: Math.min(20, 45 - first) }, (_, i) => queueItem(first + i));
  const body: GradingQueue = {
    state: 'to_grade',
    items,
    total: 45,
    page,
    pageSize: 20,
    counts: { to_grade: 45, returned: 0, graded: 0 },
  };
  return Response.json(body);
}

function pageOfBook(call: Call): Response {
  const page = Number(new URLSearchParams(call.query).get('page') ?? '1');
  const first = (page - 1) * 20;
  const body: Gradebook = {
    sessionId: SESSION_ID,
    courseTitle: 'Coopératives',
    sessionTitle: 'Cohorte',
    columns: [
      {
        kind: 'assignment',
        id: '7d3f1c52-0a51-4f1e-9a43-2f7e1b0c9a10',
        title: 'Étude de cas',
        moduleTitle: 'Module 1',
        passMarkPercent: 50,
        requiredForCompletion: false,
      },
    ],
    items: Array.from({ length: Math.min(20, 25 - first) }, (_, i) => row(first + i)),
    total: 25,
    page,
    pageSize: 20,
  };
  return Response.json(body);
}

async function render() {
  const api = fakeApi({
    [`GET /api/v1/sessions/${SESSION_ID}/assignment-submissions`]: pageOfQueue,
    [`GET /api/v1/sessions/${SESSION_ID}/gradebook`]: pageOfBook,
  });
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      provideRouter([
        { path: 'teaching/sessions/:sessionId/grading', component: GradingQueuePage },
      ]),
      { provide: API_FETCH, useValue: api.fetch },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(`/teaching/sessions/${SESSION_ID}/grading`, GradingQueuePage);
  await settle(harness);
  return { harness, element: harness.routeNativeElement as HTMLElement, calls: api.calls };
}

describe('GradingQueuePage', () => {
  it('asks for the first page of the queue and of the gradebook, 20 at a time', async () => {
    const { element, calls } = await render();
    const queries = calls.map((call) => `${call.path}?${call.query}`);
    expect(queries).toContain(
      `/api/v1/sessions/${SESSION_ID}/assignment-submissions?state=to_grade&page=1&pageSize=20`,
    );
    expect(queries).toContain(`/api/v1/sessions/${SESSION_ID}/gradebook?page=1&pageSize=20`);
    expect(element.querySelectorAll('ul.files li')).toHaveLength(20);
    expect(element.querySelectorAll('tbody tr')).toHaveLength(20);
    // One pager for the queue (3 pages), one for the gradebook (2 pages).
    expect(element.querySelectorAll('oris-pager nav')).toHaveLength(2);
  });

  it('pages through the queue and the gradebook with their pagers', async () => {
    const { harness, element, calls } = await render();
    const [queuePager, bookPager] = Array.from(element.querySelectorAll('oris-pager nav'));
    const next = (pager: Element) =>
      Array.from(pager.querySelectorAll('button')).at(-1) as HTMLButtonElement;
    next(queuePager).click();
    await settle(harness);
    expect(calls.at(-1)?.query).toBe('state=to_grade&page=2&pageSize=20');
    expect(element.querySelector('ul.files li a')?.textContent?.trim()).toBe('Apprenant 20');
    next(bookPager).click();
    await settle(harness);
    expect(calls.at(-1)?.query).toBe('page=2&pageSize=20');
    expect(element.querySelectorAll('tbody tr')).toHaveLength(5);
    expect(element.querySelector('tbody th')?.textContent?.trim()).toBe('Stagiaire 20');
  });
});
