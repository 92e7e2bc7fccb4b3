import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { Role } from '@oris/shared/domain';
import { API_FETCH, AuthSession } from '@oris/web/core';
import { fakeApi, pageOf, settle } from '@oris/web/testing';
import { IndexesPage } from './indexes-page';
import { SerialsPage } from './serials-page';

const INDEXES = [
  {
    code: 'scopus',
    nameFr: 'Scopus',
    nameAr: 'سكوبس',
    nameEn: 'Scopus',
    counts: true,
    position: 1,
    updatedAt: '2026-01-01T00:00:00Z',
  },
  {
    code: 'google_scholar',
    nameFr: 'Google Scholar',
    nameAr: 'الباحث العلمي',
    nameEn: 'Google Scholar',
    counts: false,
    position: 14,
    updatedAt: '2026-01-01T00:00:00Z',
  },
];

const SERIAL = {
  id: '5c2e7b1f-3d4e-4f60-9a0b-1c2d3e4f5a10',
  title: 'Revue marocaine de santé publique',
  alternateTitles: [],
  issnPrint: null,
  issnOnline: '2351-8200',
  publisher: 'IMIST',
  country: 'MA',
  indexes: ['scopus'],
  stale: true,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

async function render(url: string, roles: Role[], routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    'GET /api/v1/indexes': () => Response.json(INDEXES),
    'GET /api/v1/serials': () => Response.json(pageOf([SERIAL])),
    ...routes,
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
      provideRouter([
        { path: 'observatory/serials', component: SerialsPage },
        { path: 'observatory/indexes', component: IndexesPage },
      ]),
      { provide: API_FETCH, useValue: api.fetch },
      {
        provide: AuthSession,
        useValue: {
          roles: signal<readonly Role[]>(roles),
          accessToken: () => 'token',
          refresh: async () => null,
        },
      },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  await settle(harness);
  return { harness, element: harness.routeNativeElement as HTMLElement, api };
}

describe('SerialsPage', () => {
  it('asks for the stale serials when opened from the yearly email’s link, and badges them', async () => {
    const { element, api } = await render('/observatory/serials?stale=true', [
      'observatory_editor',
    ]);

    const list = api.calls.find((call) => call.path === '/api/v1/serials');
    expect(new URLSearchParams(list?.query).get('stale')).toBe('true');
    const row = element.querySelector('tbody tr');
    expect(row?.textContent).toContain('Revue marocaine de santé publique');
    expect(row?.textContent).toContain('serials.list.stale');
    expect(row?.textContent).toContain('Scopus');
  });
});

describe('IndexesPage', () => {
  it('lets an administrator switch whether an index counts', async () => {
    const { harness, element, api } = await render('/observatory/indexes', ['admin'], {
      'PATCH /api/v1/indexes/google_scholar': () => Response.json({ ...INDEXES[1], counts: true }),
    });
    const toggles = element.querySelectorAll<HTMLButtonElement>('button[role="switch"]');
    expect(toggles).toHaveLength(2);
    toggles[1].click();
    await settle(harness);

    expect(api.calls.filter((call) => call.method === 'PATCH')).toEqual([
      expect.objectContaining({ path: '/api/v1/indexes/google_scholar', body: { counts: true } }),
    ]);
    expect(
      element
        .querySelectorAll<HTMLButtonElement>('button[role="switch"]')[1]
        .getAttribute('aria-checked'),
    ).toBe('true');
  });

  it('shows editors which indexes count, without switches', async () => {
    const { element } = await render('/observatory/indexes', ['observatory_editor']);

    expect(element.querySelectorAll('button[role="switch"]')).toHaveLength(0);
    expect(element.querySelector('tbody')?.textContent).toContain('serials.indexes.yes');
    expect(element.querySelector('tbody')?.textContent).toContain('serials.indexes.no');
  });
});
