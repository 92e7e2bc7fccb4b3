import type { Page } from 'playwright-core';
import { baseUrl, type Browser, openBrowser } from './support/browser';

// The demo library's first published sheet (libs/api/practices' demo seed), in French and Arabic.
const SHEET = {
  slug: 'insertion-des-jeunes-par-la-cooperative-agricole',
  fr: 'Insertion des jeunes par la coopérative agricole',
  ar: 'إدماج الشباب عبر التَّعَاوُنِيَّة الفلاحية',
};

async function aPublishedCourse(): Promise<{ id: string; title: string }> {
  const answer = await fetch(`${baseUrl()}/api/v1/courses?page=1&pageSize=1`);
  const page = (await answer.json()) as { items: { id: string; title: string }[] };
  if (!page.items[0]) throw new Error('The demo catalogue has no published course');
  return page.items[0];
}

/** What a reader without JavaScript (or a crawler, or a link preview) gets from the page. */
async function read(page: Page, path: string) {
  const response = await page.goto(`${baseUrl()}${path}`);
  const html = page.locator('html');
  const jsonLd = await page
    .locator('script[type="application/ld+json"]')
    .allTextContents()
    .then((scripts) => scripts.map((text) => JSON.parse(text) as Record<string, unknown>));
  return {
    status: response?.status(),
    lang: await html.getAttribute('lang'),
    dir: await html.getAttribute('dir'),
    title: await page.title(),
    ogTitle: await page.locator('meta[property="og:title"]').getAttribute('content'),
    canonical: await page.locator('link[rel="canonical"]').getAttribute('href'),
    jsonLd,
    heading: (await page.getByRole('heading', { level: 1 }).textContent())?.trim(),
    main: (await page.getByRole('main').textContent()) ?? '',
  };
}

describe('a visitor without JavaScript (server-side rendering)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser({ javaScript: false });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('reads a practice sheet, described for search engines and link previews', async () => {
    const sheet = await read(browser.page, `/practices/${SHEET.slug}`);
    expect(sheet).toMatchObject({ status: 200, lang: 'fr', dir: 'ltr', heading: SHEET.fr });
    expect(sheet.title).toBe(`${SHEET.fr} · ORIS Academy`);
    expect(sheet.ogTitle).toBe(SHEET.fr);
    expect(sheet.canonical).toBe(`${baseUrl()}/practices/${SHEET.slug}`);
    // The API's description of the published sheet (its name per language among its fields).
    const creativeWork = sheet.jsonLd.find((data) => data['@type'] === 'CreativeWork');
    expect(JSON.stringify(creativeWork)).toContain(SHEET.fr);
    expect(sheet.main.length).toBeGreaterThan(500);
  });

  it('reads a course page', async () => {
    const course = await aPublishedCourse();
    const page = await read(browser.page, `/catalogue/${course.id}`);
    expect(page).toMatchObject({ status: 200, lang: 'fr', heading: course.title });
    expect(page.ogTitle).toBe(course.title);
    expect(page.jsonLd).toContainEqual(
      expect.objectContaining({ '@type': 'Course', name: course.title }),
    );
  });

  it('reads the catalogue and searches it with its form', async () => {
    const course = await aPublishedCourse();
    const catalogue = await read(browser.page, '/catalogue');
    expect(catalogue).toMatchObject({ status: 200, lang: 'fr', dir: 'ltr' });
    expect(catalogue.main).toContain(course.title);

    // Without JavaScript the search box is a plain GET form of the address the page reads.
    const { page } = browser;
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill('plaidoyer');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('q') === 'plaidoyer'),
      page.getByRole('searchbox', { name: 'Rechercher' }).press('Enter'),
    ]);
    await page.getByText('Formations trouvées\u00a0: 1', { exact: true }).waitFor();
    expect(await page.getByRole('main').textContent()).toContain(
      'Plaidoyer et partenariats avec les collectivités territoriales',
    );
  });

  it("searches the observatory with the search page's form", async () => {
    const search = await read(browser.page, '/search');
    expect(search).toMatchObject({ status: 200, lang: 'fr' });
    const { page } = browser;
    await page.getByRole('searchbox', { name: 'Mots recherchés' }).fill('coopératives');
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('q') === 'coopératives'),
      page.getByRole('button', { name: 'Rechercher' }).click(),
    ]);
    expect(await page.getByRole('main').textContent()).toContain(
      'Coopératives et développement local dans la région Fès-Meknès',
    );
  });

  it('reads them in Arabic, right to left, when the device chose Arabic', async () => {
    await browser.context.addCookies([{ name: 'oris_lang', value: 'ar', url: baseUrl() }]);
    const sheet = await read(browser.page, `/practices/${SHEET.slug}`);
    expect(sheet).toMatchObject({ lang: 'ar', dir: 'rtl', heading: SHEET.ar });
    expect(sheet.ogTitle).toBe(SHEET.ar);

    const course = await aPublishedCourse();
    const catalogue = await read(browser.page, '/catalogue');
    expect(catalogue).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(catalogue.main).toContain(course.title);
    const page = await read(browser.page, `/catalogue/${course.id}`);
    expect(page).toMatchObject({ lang: 'ar', dir: 'rtl', heading: course.title });
    expect(page.jsonLd).toContainEqual(expect.objectContaining({ '@type': 'Course' }));
  });

  it('finds the public pages in the sitemap', async () => {
    const course = await aPublishedCourse();
    const sitemap = await (await fetch(`${baseUrl()}/sitemap.xml`)).text();
    expect(sitemap).toContain(`<loc>${baseUrl()}/catalogue/${course.id}</loc>`);
    expect(sitemap).toContain(`<loc>${baseUrl()}/practices/${SHEET.slug}</loc>`);
  });
});
