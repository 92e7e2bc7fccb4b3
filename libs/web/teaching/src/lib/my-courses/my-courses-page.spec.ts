import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { Role } from '@oris/shared/domain';
import { API_FETCH, AuthSession } from '@oris/web/core';
import { settle } from '../testing';
import { MyCoursesPage } from './my-courses-page';

const card = (id: string, title: string, owners: string[] = []) => ({
  id,
  code: id.toUpperCase(),
  title,
  summary: '',
  theme: 'other',
  languages: ['fr'],
  deliveryMode: 'online',
  durationHours: 4,
  status: 'draft',
  publishedAt: null,
  moduleCount: 0,
  upcomingRegionCodes: [],
  nextSession: null,
  owners: owners.map((fullName, index) => ({ id: `o${index}`, fullName })),
  createdAt: '2026-01-01T00:00:00Z',
});

async function render(roles: Role[]) {
  const urls: URL[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    urls.push(url);
    const page = (items: unknown[]) =>
      Response.json({ items, total: items.length, page: 1, pageSize: 20 });
    if (url.pathname === '/api/v1/me/courses') return page([card('c1', 'Ma formation')]);
    if (url.pathname === '/api/v1/admin/courses') {
      return page([card('c1', 'Ma formation'), card('c2', 'Une autre', ['Khadija Ouazzani'])]);
    }
    return new Response(null, { status: 404 });
  };
  TestBed.configureTestingModule({
    imports: [
      MyCoursesPage,
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      provideRouter([]),
      { provide: API_FETCH, useValue: fetch },
      {
        provide: AuthSession,
        useValue: {
          hasAnyRole: (wanted: Role[]) => wanted.some((role) => roles.includes(role)),
          user: () => null,
          accessToken: () => null,
          refresh: async () => null,
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(MyCoursesPage);
  await settle(fixture);
  const element = fixture.nativeElement as HTMLElement;
  const titles = () =>
    [...element.querySelectorAll('tbody th')].map((th) => th.textContent?.trim());
  const toggles = () => [
    ...element.querySelectorAll<HTMLButtonElement>('mat-button-toggle button'),
  ];
  return { fixture, element, titles, toggles, urls };
}

describe('MyCoursesPage', () => {
  it('lists a trainer’s own courses, without the scope toggle', async () => {
    const { titles, toggles, urls } = await render(['trainer']);

    expect(titles()).toEqual(['Ma formation']);
    expect(toggles()).toEqual([]);
    expect(urls.map((url) => url.pathname)).toEqual(['/api/v1/me/courses']);
  });

  it('lets an administrator switch to every course, with their owners', async () => {
    const { fixture, element, titles, toggles, urls } = await render(['trainer', 'admin']);
    expect(titles()).toEqual(['Ma formation']);

    toggles()[1].click();
    await settle(fixture);

    expect(urls.at(-1)?.pathname).toBe('/api/v1/admin/courses');
    expect(titles()).toEqual(['Ma formation', 'Une autre']);
    expect(element.querySelector('tbody tr:nth-child(2)')?.textContent).toContain(
      'Khadija Ouazzani',
    );
  });

  it('opens on every course for an administrator who owns none', async () => {
    const { titles, urls } = await render(['admin']);

    expect(urls.map((url) => url.pathname)).toEqual(['/api/v1/admin/courses']);
    expect(titles()).toEqual(['Ma formation', 'Une autre']);
  });
});
