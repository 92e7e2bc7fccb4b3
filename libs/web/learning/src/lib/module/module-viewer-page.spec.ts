import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import {
  aModule,
  anEnrollmentDetail,
  anOutline,
  aProgress,
  ENROLLMENT_ID,
  fakeApi,
  MODULE_IDS,
  settle,
} from '../testing';
import { ModuleViewerPage } from './module-viewer-page';

const BASE = `/api/v1/enrollments/${ENROLLMENT_ID}`;

async function render(index: number, routes: Record<string, (body: unknown) => Response> = {}) {
  const api = fakeApi({
    [`GET ${BASE}`]: () => Response.json(anEnrollmentDetail()),
    [`GET ${BASE}/modules`]: () => Response.json(anOutline([true, false, false])),
    ...MODULE_IDS.reduce(
      (all, id, i) => ({ ...all, [`GET ${BASE}/modules/${id}`]: () => Response.json(aModule(i)) }),
      {},
    ),
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
      provideRouter([
        { path: 'learning/:enrollmentId/modules/:moduleId', component: ModuleViewerPage },
      ]),
      { provide: API_FETCH, useValue: api.fetch },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(
    `/learning/${ENROLLMENT_ID}/modules/${MODULE_IDS[index]}`,
    ModuleViewerPage,
  );
  await settle(harness);
  return { harness, element: harness.routeNativeElement as HTMLElement, calls: api.calls };
}

describe('ModuleViewerPage', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it("shows the module's HTML through Angular's sanitizer, and its resources", async () => {
    const { element } = await render(1, {
      [`GET ${BASE}/modules/${MODULE_IDS[1]}`]: () =>
        Response.json(
          aModule(1, {
            contentHtml:
              '<h1>Indicateurs</h1><p>Des <strong>indicateurs</strong><img src=x onerror="alert(1)"></p>',
          }),
        ),
    });

    expect([...element.querySelectorAll('h1')].map((h1) => h1.textContent?.trim())).toEqual([
      'Choisir ses indicateurs',
    ]);
    const content = element.querySelector('oris-markdown-view');
    expect(content?.querySelector('strong')?.textContent).toBe('indicateurs');
    expect(content?.innerHTML).not.toContain('onerror');
    expect(content?.querySelector('h2')?.textContent).toBe('Indicateurs');
    const resource = element.querySelector<HTMLAnchorElement>('.resources a');
    expect(resource?.href).toBe('https://oris.example/guide.pdf');
    expect(resource?.rel).toBe('noopener noreferrer');
  });

  it('links the previous and next modules, and says where this one sits', async () => {
    const { element } = await render(1);

    expect(element.querySelector('.position')?.textContent).toContain('learning.module.position');
    expect(element.querySelector('nav .previous')?.getAttribute('href')).toBe(
      `/learning/${ENROLLMENT_ID}/modules/${MODULE_IDS[0]}`,
    );
    expect(element.querySelector('nav .next')?.getAttribute('href')).toBe(
      `/learning/${ENROLLMENT_ID}/modules/${MODULE_IDS[2]}`,
    );
  });

  it('leads back to the outline after the last module', async () => {
    const { element } = await render(2);

    expect(element.querySelector('nav .previous')).not.toBeNull();
    expect(element.querySelector('nav .next')?.getAttribute('href')).toBe(
      `/learning/${ENROLLMENT_ID}`,
    );
  });

  it('marks the module done and moves the progress bar at once', async () => {
    const { element, harness, calls } = await render(1, {
      [`POST ${BASE}/modules/${MODULE_IDS[1]}/complete`]: () =>
        Response.json({
          moduleId: MODULE_IDS[1],
          completedAt: '2026-11-26T10:00:00Z',
          progress: aProgress({ requiredDone: 2, publishedDone: 2, percent: 100 }),
        }),
    });
    const bar = () => element.querySelector('[role="progressbar"]');
    expect(bar()?.getAttribute('aria-valuenow')).toBe('50');

    [...element.querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => b.textContent?.includes('learning.module.markDone'))
      ?.click();
    await settle(harness);

    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1);
    expect(bar()?.getAttribute('aria-valuenow')).toBe('100');
    const status = element.querySelector('[role="status"]');
    expect(status?.textContent).toContain('learning.module.markedDone');
    expect(status?.contains(document.activeElement)).toBe(true);
    expect(element.textContent).not.toContain('learning.module.markDone');
  });

  it('offers no button for a module already done', async () => {
    const { element } = await render(0);

    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      'learning.module.isDone',
    );
    expect(element.textContent).not.toContain('learning.module.markDone');
  });

  it('says when the module does not exist for this enrollment', async () => {
    const { element } = await render(1, {
      [`GET ${BASE}/modules/${MODULE_IDS[1]}`]: () =>
        Response.json({ title: 'x', status: 404, code: 'module_not_found' }, { status: 404 }),
    });

    expect(element.querySelector('h1')?.textContent).toContain('learning.module.unavailable');
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'learning.problems.moduleNotFound',
    );
  });
});
