import { aPublicPractice, pageOf, PRACTICE_ID, problem, renderPage } from '../testing';
import { PublicPracticePage } from './public-practice-page';
import { PublicPracticesPage } from './public-practices-page';

const SLUG = aPublicPractice().slug;

describe('PublicPracticesPage', () => {
  jest.setTimeout(30_000);

  it('shows cards with title, summary, region and evidence level', async () => {
    const { element, calls } = await renderPage('practices', '/practices', PublicPracticesPage, {
      'GET /api/v1/practices': () =>
        Response.json(
          pageOf([
            {
              id: PRACTICE_ID,
              slug: SLUG,
              status: 'published',
              version: 2,
              publishedVersion: 2,
              originalLanguage: 'fr',
              languages: ['fr'],
              titles: { fr: 'Coopératives féminines du safran' },
              summaries: { fr: 'Des coopératives de femmes.' },
              regions: ['MA-08'],
              themes: ['women_empowerment'],
              populations: ['women'],
              evidenceLevel: 2,
              publishedOn: '2026-12-01',
              updatedAt: '2026-12-01T00:00:00Z',
            },
          ]),
        ),
    });

    const card = element.querySelector('.cards li');
    expect(card?.querySelector('a')?.getAttribute('href')).toBe(`/practices/${SLUG}`);
    expect(card?.textContent).toContain('Des coopératives de femmes.');
    expect(card?.textContent).toContain('Drâa-Tafilalet');
    expect(card?.querySelector('oris-evidence-badge')?.textContent).toContain(
      'practices.evidence.2.label',
    );
    const list = calls.find((call) => call.path === '/api/v1/practices');
    expect(new URLSearchParams(list?.query).get('view')).toBe('public');
  });
});

describe('PublicPracticePage', () => {
  jest.setTimeout(30_000);
  afterEach(() => document.head.querySelectorAll('script, meta').forEach((tag) => tag.remove()));

  const render = (url: string, language: 'fr' | 'ar' = 'fr', sheet = aPublicPractice()) =>
    renderPage(
      'practices/:slug',
      url,
      PublicPracticePage,
      {
        [`GET /api/v1/practices/${SLUG}`]: () => Response.json(sheet),
      },
      { language },
    );

  it('shows the Arabic translation to an Arabic reader, right to left, with a bilingual PDF', async () => {
    const { element } = await render(`/practices/${SLUG}`, 'ar');

    const article = element.querySelector('article');
    expect(article?.getAttribute('lang')).toBe('ar');
    expect(article?.getAttribute('dir')).toBe('rtl');
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('تعاونيات نسائية للزعفران');
    expect(element.textContent).not.toContain('practices.public.notTranslated');
    expect(element.querySelector('a[download][href*="/pdf"]')?.getAttribute('href')).toBe(
      `/api/v1/practices/${SLUG}/pdf?languages=fr,ar`,
    );
  });

  it('falls back to the original with a notice when the visitor’s language is missing', async () => {
    const sheet = aPublicPractice({ texts: { fr: aPublicPractice().texts['fr'] } });
    const { element } = await render(`/practices/${SLUG}`, 'ar', sheet);

    expect(element.querySelector('article')?.getAttribute('lang')).toBe('fr');
    expect(element.textContent).toContain('practices.public.notTranslated');
  });

  it('reads the language asked for in the URL, and names the evidence level, figures and consented contacts', async () => {
    const { element, calls } = await render(`/practices/${SLUG}?lang=ar`);

    expect(element.querySelector('h1')?.textContent?.trim()).toBe('تعاونيات نسائية للزعفران');
    const links = [...element.querySelectorAll('nav a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([`/practices/${SLUG}?lang=fr`]);
    expect(element.textContent).toContain('practices.evidence.2.description');
    expect(element.textContent).toContain('Suivi des revenus sur deux ans.');
    expect(element.textContent).toContain('Fatima Zahra');
    expect(element.querySelector('a[href="/tools/t1"]')?.textContent).toContain(
      'Guide des coopératives',
    );
    // The linked items come named with the sheet: one request, none per link.
    expect(calls.map((call) => call.path)).toEqual([
      expect.stringMatching(/^\/api\/v1\/(regions|practices\/.+)$/),
      expect.stringMatching(/^\/api\/v1\/(regions|practices\/.+)$/),
    ]);
  });

  it('describes the sheet for search engines and link previews', async () => {
    await render(`/practices/${SLUG}`);

    // The API's description of the published version, embedded as it is.
    const script = document.head.querySelector('script[type="application/ld+json"]');
    expect(JSON.parse(script?.textContent ?? '{}')).toEqual(aPublicPractice().jsonLd);
    expect(document.head.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(
      'Coopératives féminines du safran',
    );
    expect(
      document.head.querySelector('meta[property="og:locale:alternate"]')?.getAttribute('content'),
    ).toBe('ar_MA');
  });

  it('says so when the sheet is not published', async () => {
    const { element } = await renderPage(
      'practices/:slug',
      '/practices/inconnue',
      PublicPracticePage,
      { 'GET /api/v1/practices/inconnue': () => problem(404, 'practice_not_found') },
    );
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'practices.problems.notFound',
    );
    expect(element.querySelector('article')).toBeNull();
  });
});
