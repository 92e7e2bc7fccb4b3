import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { choose, type } from '../shared/form-testing';
import { aPlacement, fakeApi, pageOf, PERSON_ID, settle } from '../testing';
import { PlacementsPage } from './placements-page';

async function render() {
  const api = fakeApi({
    'GET /api/v1/regions': () => Response.json([]),
    'GET /api/v1/placements': () =>
      Response.json(pageOf([aPlacement(), aPlacement({ id: 'p2', validated: true })])),
  });
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([{ path: 'insertion/placements', component: PlacementsPage }]),
      { provide: API_FETCH, useValue: api.fetch },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl('/insertion/placements', PlacementsPage);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const lastQuery = () =>
    api.calls.filter((call) => call.path === '/api/v1/placements').at(-1)?.query;
  return { harness, element, lastQuery };
}

describe('PlacementsPage', () => {
  it('lists the current situations with whether each counts', async () => {
    const { element } = await render();

    const rows = element.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe(`/insertion/people/${PERSON_ID}`);
    expect(rows[0].textContent).toContain('insertion.kinds.wage_employment');
    expect(rows[0].textContent).toContain('Coopérative Argane Sud');
    expect(rows[0].textContent).toContain('insertion.validation.pending');
    expect(rows[1].textContent).toContain('insertion.validation.validated');
  });

  it('filters by kind and by validation', async () => {
    const { harness, lastQuery } = await render();

    await choose(harness.fixture, 'insertion.fields.kind', 'insertion.kinds.cooperative');
    expect(lastQuery()).toBe('page=1&pageSize=20&kind=cooperative');

    await choose(harness.fixture, 'insertion.fields.validation', 'insertion.validation.pending');
    expect(lastQuery()).toBe('page=1&pageSize=20&kind=cooperative&validated=false');
  });

  it('searches by name after a pause', async () => {
    const { harness, lastQuery } = await render();

    await type(harness.fixture, 'insertion.placements.search', ' Salma ');
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle(harness);

    expect(lastQuery()).toBe('page=1&pageSize=20&q=Salma');
  });
});
