import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import {
  anEnrollmentDetail,
  anOutline,
  ENROLLMENT_ID,
  fakeApi,
  MODULE_IDS,
  settle,
} from '../testing';
import { CourseOutlinePage } from './course-outline-page';

async function render(routes: Record<string, (body: unknown) => Response> = {}) {
  const api = fakeApi({
    'GET /api/v1/regions': () => Response.json([]),
    [`GET /api/v1/enrollments/${ENROLLMENT_ID}`]: () => Response.json(anEnrollmentDetail()),
    [`GET /api/v1/enrollments/${ENROLLMENT_ID}/modules`]: () =>
      Response.json(anOutline([true, false, false])),
    ...routes,
  });
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      provideRouter([{ path: 'learning/:enrollmentId', component: CourseOutlinePage }]),
      { provide: API_FETCH, useValue: api.fetch },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(`/learning/${ENROLLMENT_ID}`, CourseOutlinePage);
  await settle(harness);
  return { element: harness.routeNativeElement as HTMLElement };
}

describe('CourseOutlinePage', () => {
  it('lists the published modules in order, with what is done, required and how long', async () => {
    const { element } = await render();

    const items = [...element.querySelectorAll('ol.modules li')];
    expect(items.map((li) => li.querySelector('a')?.textContent?.trim())).toEqual([
      'La théorie du changement',
      'Choisir ses indicateurs',
      'Présenter ses résultats',
    ]);
    expect(items[0].textContent).toContain('learning.module.done');
    expect(items[1].textContent).toContain('learning.module.toDo');
    expect(items[1].textContent).toContain('learning.module.required');
    expect(items[2].textContent).toContain('learning.module.optional');
    expect(items[0].querySelector('a')?.getAttribute('href')).toBe(
      `/learning/${ENROLLMENT_ID}/modules/${MODULE_IDS[0]}`,
    );
  });

  it('shows the course, the progress and where to continue', async () => {
    const { element } = await render();

    expect(element.querySelector('h1')?.textContent).toContain('Mesurer l’impact social');
    expect(element.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('50');
    const next = element.querySelector('.oris-actions a');
    expect(next?.getAttribute('href')).toBe(`/learning/${ENROLLMENT_ID}/modules/${MODULE_IDS[1]}`);
  });

  it('says why the modules are closed before the seat is confirmed', async () => {
    const { element } = await render({
      [`GET /api/v1/enrollments/${ENROLLMENT_ID}/modules`]: () =>
        Response.json({ title: 'x', status: 409, code: 'seat_not_confirmed' }, { status: 409 }),
    });

    expect(element.querySelector('h1')?.textContent).toContain('learning.outline.unavailable');
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'learning.problems.seatNotConfirmed',
    );
  });
});
