import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { Confirmation } from '@oris/web/ui/dialogs';
import { aCourse, aModule, COURSE_ID, fakeApi, settle } from '../testing';
import { CourseWorkspacePage } from './course-workspace-page';

const modules = [aModule('m1', 'Introduction', 1), aModule('m2', 'Gouvernance', 2)];
const page = (items: unknown[]) =>
  Response.json({ items, total: items.length, page: 1, pageSize: 100 });

async function render(routes: Record<string, (body: unknown) => Response> = {}) {
  const api = fakeApi({
    'GET /api/v1/regions': () => Response.json([]),
    [`GET /api/v1/courses/${COURSE_ID}`]: () => Response.json(aCourse()),
    [`GET /api/v1/courses/${COURSE_ID}/modules`]: () => Response.json(modules),
    [`GET /api/v1/courses/${COURSE_ID}/sessions`]: () => page([]),
    ...routes,
  });
  const ask = jest.fn(async () => true);
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      provideRouter([{ path: 'teaching/courses/:courseId', component: CourseWorkspacePage }]),
      { provide: API_FETCH, useValue: api.fetch },
      { provide: Confirmation, useValue: { ask } },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(`/teaching/courses/${COURSE_ID}`, CourseWorkspacePage);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const titles = () =>
    [...element.querySelectorAll('ol.modules .module-main a')].map((a) => a.textContent?.trim());
  const click = async (selector: string) => {
    element.querySelector<HTMLButtonElement>(selector)?.click();
    await settle(harness);
  };
  return { harness, element, titles, click, calls: api.calls, ask };
}

describe('CourseWorkspacePage', () => {
  it('moves a module down and saves the new order', async () => {
    const { titles, click, calls } = await render({
      [`PUT /api/v1/courses/${COURSE_ID}/modules/order`]: () =>
        Response.json([aModule('m2', 'Gouvernance', 1), aModule('m1', 'Introduction', 2)]),
    });

    await click('#module-m1-down');

    expect(titles()).toEqual(['Gouvernance', 'Introduction']);
    expect(calls.filter((call) => call.method === 'PUT')).toEqual([
      expect.objectContaining({
        method: 'PUT',
        path: `/api/v1/courses/${COURSE_ID}/modules/order`,
        body: { moduleIds: ['m2', 'm1'] },
      }),
    ]);
  });

  it('disables the moves that would leave the list', async () => {
    const { element } = await render();

    expect(element.querySelector<HTMLButtonElement>('#module-m1-up')?.disabled).toBe(true);
    expect(element.querySelector<HTMLButtonElement>('#module-m2-down')?.disabled).toBe(true);
    expect(element.querySelector<HTMLButtonElement>('#module-m1-down')?.disabled).toBe(false);
  });

  it("goes back to the server's order when saving the move fails", async () => {
    const { titles, click, element } = await render({
      [`PUT /api/v1/courses/${COURSE_ID}/modules/order`]: () =>
        Response.json(
          { title: 'Conflict', status: 409, code: 'module_order_mismatch' },
          { status: 409 },
        ),
    });

    await click('#module-m1-down');

    expect(titles()).toEqual(['Introduction', 'Gouvernance']);
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'catalogue.problems.moduleOrderMismatch',
    );
  });

  it('offers to publish or archive a draft course, and publishes once confirmed', async () => {
    const { element, calls, ask, harness } = await render({
      [`POST /api/v1/courses/${COURSE_ID}/publish`]: () =>
        Response.json(aCourse({ status: 'published' })),
    });
    const actions = () =>
      [...element.querySelectorAll<HTMLButtonElement>('header .oris-actions button')].map(
        (button) => button.textContent?.trim(),
      );

    // A new edition first; archiving, destructive, stays last.
    expect(actions()).toEqual([
      'material.duplicate.action',
      'teaching.actions.course.published',
      'teaching.actions.course.archived',
    ]);
    [...element.querySelectorAll<HTMLButtonElement>('header .oris-actions button')]
      .find((button) => button.textContent?.trim() === 'teaching.actions.course.published')
      ?.click();
    await settle(harness);

    expect(ask).toHaveBeenCalledWith(
      expect.objectContaining({ titleKey: 'teaching.confirm.course.published.title' }),
    );
    expect(calls.some((call) => call.path.endsWith('/publish'))).toBe(true);
    expect(actions()).toEqual(['material.duplicate.action', 'teaching.actions.course.archived']);
  });
});
