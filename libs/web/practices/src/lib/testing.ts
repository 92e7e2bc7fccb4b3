import { signal, type Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { Role } from '@oris/shared/domain';
import { API_FETCH, AuthSession, LanguageService } from '@oris/web/core';
import { fakeApi, settle } from '@oris/web/testing';
import type { Practice, PracticeComment } from './shared/practice-types';

export { fakeApi, pageOf, problem, settle } from '@oris/web/testing';

export const PRACTICE_ID = '7d0c7a52-3f0e-4a39-9d0c-1f4b2f6f2a11';

export const REGIONS = [
  {
    code: 'MA-01',
    nameFr: 'Tanger-Tétouan-Al Hoceïma',
    nameAr: 'طنجة تطوان الحسيمة',
    nameEn: 'Tangier-Tetouan-Al Hoceima',
  },
  { code: 'MA-08', nameFr: 'Drâa-Tafilalet', nameAr: 'درعة تافيلالت', nameEn: 'Draa-Tafilalet' },
];

/** A draft written in French with its Arabic translation, as its author reads it. */
export const aPractice = (overrides: Partial<Practice> = {}): Practice => ({
  id: PRACTICE_ID,
  slug: 'cooperatives-feminines-du-safran',
  status: 'draft',
  version: 3,
  publishedVersion: null,
  originalLanguage: 'fr',
  languages: ['fr', 'ar'],
  translatedLanguages: ['ar'],
  titles: { fr: 'Coopératives féminines du safran', ar: 'تعاونيات نسائية للزعفران' },
  summaries: { fr: 'Des coopératives de femmes transforment le safran.' },
  texts: {
    fr: {
      title: 'Coopératives féminines du safran',
      summary: 'Des coopératives de femmes transforment le safran.',
      problem: 'Peu de revenus pour les femmes rurales.',
      intervention: 'Formation et équipement.',
      coreComponents: 'Accompagnement sur 18 mois.',
      results: '64 % des membres ont un revenu régulier.',
      replicationConditions: 'Une filière structurée.',
    },
    ar: { title: 'تعاونيات نسائية للزعفران', summary: 'تعاونيات نسائية تحول الزعفران.' },
  },
  regions: ['MA-08'],
  themes: ['women_empowerment'],
  populations: ['women', 'rural_households'],
  totalCostMad: 1200000,
  costPerBeneficiaryMad: 4000,
  beneficiaries: 300,
  startYear: 2019,
  endYear: null,
  resultFigures: [{ label: { fr: 'Revenu régulier', ar: 'دخل منتظم' }, value: 64, unit: '%' }],
  contacts: [
    {
      id: 'a1c0ffee-0000-4000-8000-000000000001',
      name: 'Fatima Zahra',
      role: 'Présidente',
      organisation: 'Coopérative Taliouine',
      email: 'fz@example.org',
      phone: null,
      consentGiven: true,
      consentRecordedAt: '2026-03-02T09:00:00Z',
      consentNote: 'Courriel du 2 mars 2026',
    },
  ],
  links: { toolIds: [], publicationIds: [], courseIds: [], partnershipIds: [] },
  evidenceLevel: null,
  evidenceJustification: {},
  publishedOn: null,
  authors: [{ id: 'u1', fullName: 'Salma Editrice' }],
  openComments: 1,
  mayReview: false,
  attachments: [],
  linkedItems: [],
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-30T10:00:00Z',
  ...overrides,
});

/** A reviewer's open comment on the French summary. */
export const aComment = (overrides: Partial<PracticeComment> = {}): PracticeComment => ({
  id: 'c0ffee00-0000-4000-8000-000000000001',
  field: 'summary',
  language: 'fr',
  body: 'Précisez le nombre de coopératives.',
  authorId: 'u2',
  authorName: 'Admin ORIS',
  createdAt: '2026-11-30T10:00:00Z',
  resolvedAt: null,
  resolvedBy: null,
  ...overrides,
});

/** The published sheet as a visitor reads it (consented contacts only, no consent records). */
export const aPublicPractice = (overrides: Partial<Practice> = {}): Practice => {
  const { authors, openComments, mayReview, createdAt, ...sheet } = aPractice();
  void [authors, openComments, mayReview, createdAt];
  return {
    ...sheet,
    status: 'published',
    version: 2,
    publishedVersion: 2,
    evidenceLevel: 2,
    evidenceJustification: { fr: 'Suivi des revenus sur deux ans.' },
    contacts: [
      {
        name: 'Fatima Zahra',
        role: 'Présidente',
        organisation: null,
        email: 'fz@example.org',
        phone: null,
      },
    ],
    links: { toolIds: ['t1'], publicationIds: [], courseIds: [], partnershipIds: [] },
    linkedItems: [
      {
        kind: 'tool',
        id: 't1',
        title: 'Guide des coopératives',
        titles: { fr: 'Guide des coopératives', ar: 'دليل التعاونيات' },
      },
    ],
    publishedOn: '2026-12-01',
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'CreativeWork',
      '@id': 'https://oris.example/practices/cooperatives-safran',
      name: [{ '@language': 'fr', '@value': 'Coopératives féminines du safran' }],
    },
    ...overrides,
  };
};

export interface RenderOptions {
  roles?: Role[];
  language?: 'fr' | 'ar';
  langs?: Record<string, object>;
}

/** Renders a page at `url` (its route pattern `path`) against a fake API, as a signed-in person when roles are given. */
export async function renderPage(
  path: string,
  url: string,
  component: Type<unknown>,
  routes: Parameters<typeof fakeApi>[0],
  options: RenderOptions = {},
) {
  const api = fakeApi({ 'GET /api/v1/regions': () => Response.json(REGIONS), ...routes });
  const roles = options.roles;
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: options.langs ?? { fr: {}, ar: {} },
        translocoConfig: { availableLangs: ['fr', 'ar'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([
        { path, component },
        { path: '**', children: [] },
      ]),
      { provide: API_FETCH, useValue: api.fetch },
      ...(roles
        ? [
            {
              provide: AuthSession,
              useValue: {
                user: signal(null),
                roles: signal<readonly Role[]>(roles),
                hasAnyRole: (wanted: readonly Role[]) =>
                  wanted.some((role) => roles.includes(role)),
                accessToken: () => 'token',
                refresh: async () => null,
              },
            },
          ]
        : []),
    ],
  });
  if (options.language === 'ar') await TestBed.inject(LanguageService).switchTo('ar');
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  await settle(harness);
  return { harness, element: harness.routeNativeElement as HTMLElement, calls: api.calls };
}
