import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { choose } from '../shared/form-testing';
import {
  aPersonToFollow,
  COURSE_ID,
  fakeApi,
  pageOf,
  PERSON_ID,
  SESSION_ID,
  settle,
} from '../testing';
import { ToFollowPage } from './to-follow-page';

const REGIONS = [{ code: 'MA-02', nameFr: 'L’Oriental', nameAr: 'الشرق', nameEn: 'Oriental' }];

async function render(people = [aPersonToFollow()]) {
  const api = fakeApi({
    'GET /api/v1/regions': () => Response.json(REGIONS),
    'GET /api/v1/courses': () =>
      Response.json(pageOf([{ id: COURSE_ID, code: 'COOP-120', title: 'Coopératives' }])),
    [`GET /api/v1/courses/${COURSE_ID}/sessions`]: () =>
      Response.json(pageOf([{ id: SESSION_ID, title: 'Session Oujda' }])),
    'GET /api/v1/placements/to-follow': () => Response.json(pageOf(people, 41)),
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
      provideRouter([{ path: 'insertion/to-follow', component: ToFollowPage }]),
      { provide: API_FETCH, useValue: api.fetch },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl('/insertion/to-follow', ToFollowPage);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const listCalls = () => api.calls.filter((call) => call.path === '/api/v1/placements/to-follow');
  return { harness, element, listCalls };
}

describe('ToFollowPage', () => {
  it('lists the people to follow, each opening their situation', async () => {
    const { element } = await render([
      aPersonToFollow(),
      aPersonToFollow({
        userId: 'other',
        fullName: 'Karim Alaoui',
        fullNameAr: null,
        awaitingValidation: 2,
      }),
    ]);

    const rows = element.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    const link = rows[0].querySelector('a');
    expect(link?.textContent?.trim()).toBe('Salma Bennani');
    expect(link?.getAttribute('href')).toBe(`/insertion/people/${PERSON_ID}`);
    expect(rows[0].querySelector('[lang="ar"]')?.textContent).toBe('سلمى بناني');
    expect(rows[0].textContent).toContain('L’Oriental');
    expect(rows[1].querySelector('oris-chip')?.textContent).toContain(
      'insertion.toFollow.awaitingCount',
    );
  });

  it('asks for the first page, then filters by region, course and session', async () => {
    const { harness, listCalls } = await render();
    expect(listCalls()[0].query).toBe('page=1&pageSize=20');

    await choose(harness.fixture, 'insertion.fields.region', 'L’Oriental');
    expect(listCalls().at(-1)?.query).toBe('page=1&pageSize=20&region=MA-02');

    await choose(harness.fixture, 'insertion.fields.course', 'COOP-120 — Coopératives');
    expect(listCalls().at(-1)?.query).toBe(`page=1&pageSize=20&region=MA-02&course=${COURSE_ID}`);

    await choose(harness.fixture, 'insertion.fields.session', 'Session Oujda');
    expect(listCalls().at(-1)?.query).toBe(
      `page=1&pageSize=20&region=MA-02&course=${COURSE_ID}&session=${SESSION_ID}`,
    );
  });

  it('pages through a long list', async () => {
    const { harness, element, listCalls } = await render();

    [...element.querySelectorAll<HTMLButtonElement>('oris-pager button')].at(-1)?.click();
    await settle(harness);

    expect(listCalls().at(-1)?.query).toBe('page=2&pageSize=20');
  });

  it('says when nobody is left to follow', async () => {
    const { element } = await render([]);

    expect(element.querySelector('table')).toBeNull();
    expect(element.textContent).toContain('insertion.toFollow.none');
  });
});
