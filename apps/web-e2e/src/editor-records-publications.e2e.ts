import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn } from './support/browser';
import { chooseLanguage, untilInteractive } from './support/screen';

const EDITOR = 'editor@oris.example';
/** A DOI of this run only, so the journey can run again on the same database. */
const DOI = `10.5555/oris-journey.${Date.now()}`;
const TITLE = `Les incubateurs d’innovation sociale à Fès ${Date.now()}`;
const BIBTEX = `@article{journey,
  title   = {${TITLE}},
  author  = {Benali, Samira and Tazi, Karim},
  journal = {Revue marocaine d’innovation sociale},
  year    = {2025}, month = may, volume = {9}, number = {2}, pages = {101--120},
  doi     = {https://doi.org/${DOI}},
  issn    = {2550-1119},
}

@article{broken,
  title = {An entry whose braces never close,
  year = {2024}
`;
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 900 } };

/**
 * Pictures at 390 and 1366 px (looked at by a person): each size loads the page afresh, as a
 * phone or a laptop would, then `prepare` brings it to the state pictured. Ends on the laptop.
 */
async function shoot(page: Page, name: string, prepare?: () => Promise<void>): Promise<void> {
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    await page.goto(page.url());
    await page.locator('main h1').waitFor();
    await prepare?.();
    await page.screenshot({ path: `/tmp/oris-publications-${name}-${size}.png`, fullPage: true });
  }
}

describe('an observatory editor importing a publication, and a visitor reading it', () => {
  let editor: Browser;
  let visitor: Browser;
  let savedLanguage: string;
  let publicationPath = '';

  beforeAll(async () => {
    editor = await openBrowser();
    await signIn(editor.page, EDITOR);
    await editor.page.locator('main h1').waitFor();
    savedLanguage = await editor.page.evaluate(() => document.documentElement.lang);
    await chooseLanguage(editor.page, 'fr');
  });

  afterAll(async () => {
    if (editor && (savedLanguage === 'fr' || savedLanguage === 'ar')) {
      await chooseLanguage(editor.page, savedLanguage);
    }
    await editor?.close();
    await visitor?.close();
  });

  it('pastes BibTeX, sees the preview with the broken entry, and saves the good one', async () => {
    const { page } = editor;
    await page.goto(`${baseUrl()}/observatory/publications`);
    await page.getByRole('heading', { level: 1, name: 'Registre des publications' }).waitFor();
    await shoot(page, 'import-fr', async () => {
      await page.getByRole('button', { name: 'Importer' }).click();
      await page.getByLabel('Références à importer').fill(BIBTEX);
      await page.getByRole('button', { name: 'Vérifier (aperçu)' }).click();
      await page.getByRole('heading', { level: 3, name: 'Aperçu' }).waitFor();
    });
    await page.getByText('2 entrées lues, 1 prête à enregistrer.').waitFor();
    await page.getByText('Entrée illisible.', { exact: true }).waitFor();
    await page.getByText('Prête à enregistrer.', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Enregistrer 1 entrée' }).click();
    await page.getByText('1 publication enregistrée.').waitFor();
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    publicationPath = new URL(page.url()).pathname;
  });

  it('adds the ORIS attribution, then validates the publication', async () => {
    const { page } = editor;
    await page.getByRole('link', { name: 'Modifier' }).click();
    await page.getByRole('heading', { level: 1, name: 'Modifier la publication' }).waitFor();
    await page.getByRole('combobox', { name: /^Attribution à l’ORIS/ }).click();
    await page.getByRole('option', { name: 'Affiliation', exact: true }).click();
    await page
      .getByLabel('Preuve citée (affiliation ou remerciement)')
      .fill('Observatoire régional de l’innovation sociale (ORIS), Fès');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.waitForURL((url) => url.pathname === publicationPath);
    await page
      .getByText('Observatoire régional de l’innovation sociale (ORIS), Fès', { exact: true })
      .waitFor();

    await page.getByRole('button', { name: 'Valider', exact: true }).click();
    await page.getByText('Validée', { exact: true }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'detail-fr');
  });

  it('reads in Arabic, right to left', async () => {
    const { page } = editor;
    await chooseLanguage(page, 'ar');
    await page.getByRole('heading', { level: 2, name: 'البطاقة' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'detail-ar');
    await page.goto(`${baseUrl()}/observatory/publications`);
    await page.getByRole('heading', { level: 1, name: 'سجل المنشورات' }).waitFor();
    await shoot(page, 'registry-ar');
    await chooseLanguage(page, 'fr');
  });

  it('shows a visitor the public page with its citation tags and JSON-LD, removed on leaving', async () => {
    visitor = await openBrowser();
    const { page } = visitor;
    const id = publicationPath.split('/').pop();
    await page.goto(`${baseUrl()}/publications`);
    // The app's own navigation is what this checks (its tags written, then removed on leaving).
    await untilInteractive(page);
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`${baseUrl()}/publications/${id}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    // The page writes its tags once the publication is shown.
    await page.locator('meta[name="citation_title"]').waitFor({ state: 'attached' });
    const meta = (name: string) =>
      page.$$eval(`meta[name="${name}"]`, (tags) => tags.map((tag) => tag.getAttribute('content')));
    expect(await meta('citation_title')).toEqual([TITLE]);
    expect(await meta('citation_author')).toEqual(['Benali, Samira', 'Tazi, Karim']);
    expect(await meta('citation_publication_date')).toEqual(['2025/05']);
    expect(await meta('citation_doi')).toEqual([DOI]);
    expect(await meta('citation_journal_title')).toEqual(['Revue marocaine d’innovation sociale']);
    expect(await meta('citation_issn')).toEqual(['2550-1119']);
    expect(await meta('citation_volume')).toEqual(['9']);
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    );
    expect(jsonLd).toMatchObject({
      '@type': 'ScholarlyArticle',
      name: TITLE,
      datePublished: '2025-05',
      isPartOf: { '@type': 'Periodical', issn: '2550-1119' },
    });
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'public-fr');

    await page.getByRole('link', { name: 'Toutes les publications' }).click();
    await page.waitForURL(`${baseUrl()}/publications`);
    expect(await page.locator('meta[name^="citation_"]').count()).toBe(0);
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(0);
  });
});
