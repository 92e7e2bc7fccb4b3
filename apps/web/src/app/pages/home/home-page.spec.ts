import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH, AuthSession } from '@oris/web/core';
import { HomePage } from './home-page';

const NBSP = /[\u00a0\u202f]/g;

const session = (id: string, startsOn: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Session ${id}`,
  startsOn,
  endsOn: startsOn,
  regionCode: 'MA-03',
  venue: null,
  online: false,
  status: 'open',
  capacity: 10,
  seatsLeft: 4,
  opensOn: null,
  closesOn: null,
  approvalRequired: false,
  ...extra,
});

const course = (id: string, title: string, next: ReturnType<typeof session> | null) => ({
  id,
  code: id.toUpperCase(),
  title,
  summary: '',
  theme: 'other',
  languages: ['fr'],
  deliveryMode: 'in_person',
  durationHours: 10,
  status: 'published',
  publishedAt: '2026-01-01T00:00:00Z',
  moduleCount: 1,
  upcomingRegionCodes: ['MA-03'],
  nextSession: next,
});

const cell = (changes: Record<string, unknown> = {}) => ({
  key: 'total',
  trained: 120,
  eligible: 90,
  responded: 60,
  inserted: 45,
  employed: 30,
  insertionRate: 0.75,
  employmentRate: 0.5,
  responseRate: 2 / 3,
  lowerBoundRate: 0.5,
  suppressed: false,
  ...changes,
});

interface Answers {
  courses?: () => Response;
  indicators?: () => Response;
}

async function render(answers: Answers = {}, signedInRoles: string[] | null = null) {
  const calls: string[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    calls.push(`${request.method} ${url.pathname}${url.search}`);
    switch (url.pathname) {
      case '/api/v1/courses':
        return (
          answers.courses?.() ??
          Response.json({
            items: [
              course('later', 'Plus tard', session('b', '2027-03-01')),
              course('none', 'Sans session', null),
              course('soon', 'Bientôt', session('a', '2027-01-10', { online: true })),
            ],
            total: 3,
            page: 1,
            pageSize: 20,
          })
        );
      case '/api/v1/public/indicators':
        return (
          answers.indicators?.() ??
          Response.json({
            months: 9,
            quarter: '2026-Q3',
            asOf: '2026-09-30',
            releasedOn: '2026-10-01',
            releasedAt: '2026-10-01T00:15:00Z',
            nextReleaseOn: '2027-01-01',
            minimumCellSize: 5,
            total: cell(),
            byRegion: [],
            byYear: [],
            definition: { fr: '', ar: '', en: '' },
          })
        );
      case '/api/v1/regions':
        return Response.json([
          { code: 'MA-03', nameFr: 'Fès-Meknès', nameAr: 'فاس مكناس', nameEn: 'Fez-Meknes' },
        ]);
      case '/api/v1/auth/login':
        return Response.json({
          accessToken: 't',
          expiresIn: 900,
          user: { id: 'u1', roles: signedInRoles ?? [] },
        });
      default:
        return new Response(null, { status: 404 });
    }
  };
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: {
          fr: {
            home: { figures: { asOf: 'Situation au {{asOf}}.' } },
            catalogue: { seatsLeft: 'Places restantes : {{count}}' },
          },
        },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([
        { path: '', component: HomePage },
        { path: '**', children: [] },
      ]),
      { provide: API_FETCH, useValue: fetch },
    ],
  });
  if (signedInRoles) {
    await TestBed.inject(AuthSession).signIn({ email: 'a@oris.example', password: 'x' });
  }
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl('/', HomePage);
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    harness.detectChanges();
    await harness.fixture.whenStable();
  }
  return { element: harness.routeNativeElement as HTMLElement, calls };
}

const texts = (nodes: NodeListOf<Element>) =>
  [...nodes].map((node) => node.textContent?.replace(/\s+/g, ' ').replace(NBSP, ' ').trim());

describe('HomePage', () => {
  it('lists the soonest sessions of the public catalogue', async () => {
    const { element, calls } = await render();

    expect(calls).toContain('GET /api/v1/courses?upcoming=true&pageSize=20');
    expect(texts(element.querySelectorAll('.sessions .course-link'))).toEqual([
      'Bientôt',
      'Plus tard',
    ]);
    const [soon, later] = element.querySelectorAll('.sessions li');
    expect(soon.textContent).toContain('home.upcoming.online');
    expect(later.textContent).toContain('Fès-Meknès');
    expect(later.textContent).toContain('Places restantes : 4');
  });

  it('says so when no session is scheduled', async () => {
    const { element } = await render({
      courses: () => Response.json({ items: [], total: 0, page: 1, pageSize: 20 }),
    });

    expect(texts(element.querySelectorAll('.sessions li'))).toEqual(['home.upcoming.none']);
  });

  it('shows the latest public figures, and a hidden one in words', async () => {
    const { element } = await render({
      indicators: () =>
        Response.json({
          months: 9,
          quarter: '2026-Q3',
          asOf: '2026-09-30',
          releasedOn: '2026-10-01',
          releasedAt: '2026-10-01T00:15:00Z',
          nextReleaseOn: '2027-01-01',
          minimumCellSize: 5,
          total: cell({ inserted: null, insertionRate: null, suppressed: true }),
          byRegion: [],
          byYear: [],
          definition: { fr: '', ar: '', en: '' },
        }),
    });

    expect(texts(element.querySelectorAll('.headline dd'))).toEqual([
      '120',
      'home.figures.hidden',
      'home.figures.hidden',
    ]);
    expect(element.querySelector('.as-of')?.textContent?.replace(NBSP, ' ').trim()).toBe(
      'Situation au 30 septembre 2026.',
    );
  });

  it('says that no figure is published yet before the first release', async () => {
    const { element } = await render({
      indicators: () =>
        Response.json(
          { title: 'Not Found', status: 404 },
          { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    });

    expect(texts(element.querySelectorAll('.figures .none'))).toEqual(['home.figures.none']);
  });

  it('checks a certificate on the verification page, from its code or its link', async () => {
    const { element } = await render();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate');
    const input = element.querySelector<HTMLInputElement>('.verify-form input');
    if (!input) throw new Error('no code field');

    input.value = 'https://academy.example/verify/q3Z-7wXkP9rT2vYb_4mN8sLd';
    input.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('.verify-form button')?.click();

    expect(navigate).toHaveBeenCalledWith(['/verify', 'q3Z-7wXkP9rT2vYb_4mN8sLd']);
  });

  it('refuses text that cannot be a code, in words', async () => {
    const { element } = await render();
    const input = element.querySelector<HTMLInputElement>('.verify-form input');
    if (!input) throw new Error('no code field');

    input.value = 'pas un code !';
    input.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('.verify-form button')?.click();
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();

    expect(element.querySelector('#home-code-invalid')?.textContent?.trim()).toBe(
      'certificates.verify.codeInvalid',
    );
  });

  it('offers visitors to register, and signed-in people the way to their work', async () => {
    const visitor = await render();
    expect(visitor.element.querySelector('.actions a')?.getAttribute('href')).toBe('/register');

    TestBed.resetTestingModule();
    const officer = await render({}, ['placement_officer']);
    expect(officer.element.querySelector('.actions a')?.getAttribute('href')).toBe('/insertion');
  });
});
