import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH, type CourseSummary } from '@oris/web/core';
import { CataloguePage } from './catalogue-page';
import { settle } from '@oris/web/testing';

const course: CourseSummary = {
  id: '5a0c9b57-8a53-4c4b-9d0e-8c1f0f5b1a01',
  code: 'COOP-120',
  title: 'Créer et gérer une coopérative',
  summary: 'Statuts, gouvernance et comptabilité simplifiée.',
  theme: 'cooperatives',
  languages: ['fr', 'ar'],
  deliveryMode: 'in_person',
  durationHours: 28,
  status: 'published',
  publishedAt: '2026-01-10T09:00:00Z',
  moduleCount: 4,
  upcomingRegionCodes: ['MA-05'],
  nextSession: {
    id: '5a0c9b57-8a53-4c4b-9d0e-8c1f0f5b1a02',
    title: 'Cohorte Béni Mellal',
    startsOn: '2026-12-24',
    endsOn: '2026-12-27',
    regionCode: 'MA-05',
    venue: 'Maison des associations',
    online: false,
    status: 'open',
    capacity: 20,
    seatsLeft: 0,
    opensOn: '2026-11-01',
    closesOn: '2026-12-24',
    approvalRequired: false,
  },
};

async function render(url: string, answer: (query: URLSearchParams) => Response) {
  const queries: string[] = [];
  const fetch = async (request: Request) => {
    const { pathname, searchParams } = new URL(request.url);
    if (pathname === '/api/v1/regions') return Response.json([]);
    if (pathname === '/api/v1/courses') {
      queries.push(searchParams.toString());
      return answer(searchParams);
    }
    return new Response(null, { status: 404 });
  };
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: { catalogue: { seatsLeft: 'Places restantes : {{count}}' } } },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([{ path: 'catalogue', component: CataloguePage }]),
      { provide: API_FETCH, useValue: fetch },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url, CataloguePage);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const router = TestBed.inject(Router);
  return { harness, element, router, queries };
}

const pageOf = (items: CourseSummary[]) =>
  Response.json({ items, total: items.length, page: 1, pageSize: 12 });

describe('CataloguePage', () => {
  it('asks the API for the filters written in the address', async () => {
    const { queries } = await render('/catalogue?q=coop&region=MA-05&upcoming=true&page=2', () =>
      pageOf([course]),
    );

    expect(queries).toEqual(['page=2&pageSize=12&q=coop&region=MA-05&upcoming=true']);
  });

  it('shows a card per course with its next session', async () => {
    const { element } = await render('/catalogue', () => pageOf([course]));

    const card = element.querySelector('article');
    expect(card?.querySelector('h2 a')?.getAttribute('href')).toBe(`/catalogue/${course.id}`);
    expect(card?.textContent).toContain('COOP-120');
    expect(card?.textContent).toContain('catalogue.full');
  });

  it('puts a chosen filter in the address and loads the first page again', async () => {
    const { harness, router, queries } = await render('/catalogue?page=3', () => pageOf([course]));
    const page = harness.routeDebugElement?.componentInstance as CataloguePage;

    page['form'].controls.mode.setValue('online');
    await settle(harness);

    expect(router.url).toBe('/catalogue?mode=online');
    expect(queries.at(-1)).toBe('page=1&pageSize=12&mode=online');
  });

  it('searches once typing pauses, again after the filters were cleared', async () => {
    const { harness, router, element } = await render('/catalogue', () => pageOf([course]));
    const search = element.querySelector<HTMLInputElement>(
      'input[type="search"]',
    ) as HTMLInputElement;
    const type = async (text: string) => {
      search.value = text;
      search.dispatchEvent(new Event('input'));
      await new Promise((resolve) => setTimeout(resolve, 350));
      await settle(harness);
    };

    await type('coop');
    expect(router.url).toBe('/catalogue?q=coop');

    await router.navigateByUrl('/catalogue');
    await settle(harness);
    expect(search.value).toBe('');
    await type('coop');
    expect(router.url).toBe('/catalogue?q=coop');
  });

  it('offers to clear the filters when nothing matches', async () => {
    const { harness, element, router } = await render('/catalogue?theme=cooperatives', () =>
      pageOf([]),
    );

    expect(element.querySelector('.empty h2')?.textContent).toContain('catalogue.list.noMatch');
    element.querySelector<HTMLButtonElement>('.empty button')?.click();
    await settle(harness);

    expect(router.url).toBe('/catalogue');
  });

  it('says what went wrong and tries again on demand', async () => {
    let fail = true;
    const { harness, element } = await render('/catalogue', () =>
      fail
        ? Response.json({ title: 'Service unavailable', status: 503 }, { status: 503 })
        : pageOf([course]),
    );

    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Service unavailable');
    fail = false;
    [...element.querySelectorAll('button')]
      .find((button) => button.textContent?.includes('catalogue.list.retry'))
      ?.click();
    await settle(harness);

    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(element.querySelectorAll('article')).toHaveLength(1);
  });
});
