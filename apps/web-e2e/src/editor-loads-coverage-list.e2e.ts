import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn } from './support/browser';
import { chooseLanguage } from './support/screen';

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };

/** A valid ISSN from seven digits (the check character computed as ISO 3297 says). */
function issnOf(seven: string): string {
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(seven[i]) * (8 - i);
  const check = (11 - (sum % 11)) % 11;
  return `${seven.slice(0, 4)}-${seven.slice(4)}${check === 10 ? 'X' : check}`;
}

/** A DOAJ journal CSV, with DOAJ's own column names: two journals and one bad ISSN. */
function doajList(stamp: number, label: string): { csv: string; title: string } {
  const seven = String(stamp % 10_000_000).padStart(7, '0');
  const title = `Revue maghrébine d’études ${label} ${stamp}`;
  const other = `Journal of Atlas Studies ${label} ${stamp}`;
  const rows = [
    '"Journal title","Journal ISSN (print version)","Journal EISSN (online version)","Publisher","Country of publisher","Added on Date"',
    `"${title}","","${issnOf(seven)}","IMIST","Morocco","2019-04-02 10:00:00"`,
    `"${other}","${issnOf(String((Number(seven) + 1) % 10_000_000).padStart(7, '0'))}","","Atlas Press","Morocco","2021-09-15 10:00:00"`,
    `"Bad Check Journal","0317-8472","","Nowhere","Morocco","2016-02-01 00:00:00"`,
  ];
  return { csv: rows.join('\n') + '\n', title };
}

async function dryRun(page: Page, csv: string): Promise<void> {
  await page.goto(`${baseUrl()}/observatory/serials/import`);
  await page.locator('main h1').waitFor();
  await chooseLanguage(page, 'fr');
  await page.getByRole('combobox', { name: 'Index' }).click();
  await page.getByRole('option', { name: /DOAJ/ }).click();
  await page.getByLabel('Liste (CSV)').setInputFiles({
    name: 'doaj-journals.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await page.getByRole('table', { name: 'Premières lignes du fichier' }).waitFor();
  await page.getByRole('button', { name: 'Essayer (sans rien écrire)' }).click();
  await page.getByRole('heading', { name: 'Résultat de l’essai' }).waitFor();
}

describe('an observatory editor loads an index’s coverage list', () => {
  let browser: Browser;
  const stamp = Date.now();

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('previews, dry-runs and saves a DOAJ list, then finds the serial with its coverage', async () => {
    const { page } = browser;
    await signIn(page, 'editor@oris.example');
    const { csv, title } = doajList(stamp, 'main');
    await dryRun(page, csv);
    const report = page.getByRole('table', { name: 'Ce qui arrive à chaque ligne' });
    expect(await page.getByText('Lignes écartées : 1').count()).toBe(1);
    expect(await page.getByText('Revues à créer : 2').count()).toBe(1);
    expect(
      await report.getByRole('row').filter({ hasText: 'Bad Check Journal' }).textContent(),
    ).toContain('ISSN invalide (issnPrint) : 0317-8472');
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Enregistrer la liste' }).click();
    await page.getByRole('heading', { name: 'Liste enregistrée' }).waitFor();

    await page.goto(`${baseUrl()}/observatory/serials`);
    await page
      .getByRole('searchbox', { name: 'Titre ou ISSN' })
      .fill(`maghrébine d’études main ${stamp}`);
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('heading', { level: 3, name: /DOAJ/ }).waitFor();
    expect(await page.locator('.timeline').first().textContent()).toContain('2019');
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each(['fr', 'ar'] as const)(
    'lays the dry run and the serial out on a laptop and a phone in %s',
    async (language) => {
      const { page } = browser;
      for (const [label, size] of [
        ['1366', LAPTOP],
        ['390', PHONE],
      ] as const) {
        await page.setViewportSize(size);
        const { csv } = doajList(
          stamp + (label === '390' ? 7 : 3) + (language === 'ar' ? 11 : 0),
          `${language}${label}`,
        );
        await dryRun(page, csv);
        await chooseLanguage(page, language);
        await page.waitForLoadState('networkidle');
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({
          path: `/tmp/i16serials-import-${language}-${label}.png`,
          fullPage: true,
        });
        await page.goto(`${baseUrl()}/observatory/serials`);
        await page.locator('table.data').waitFor();
        await page.getByRole('table').getByRole('link').first().click();
        await page.locator('oris-coverage-panel').waitFor();
        await page.waitForLoadState('networkidle');
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({
          path: `/tmp/i16serials-serial-${language}-${label}.png`,
          fullPage: true,
        });
        await chooseLanguage(page, 'fr');
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    },
  );

  it('lets an administrator choose which indexes count, in French and Arabic, on a laptop and a phone', async () => {
    const admin = await openBrowser();
    try {
      const { page } = admin;
      await signIn(page, 'admin@oris.example');
      await page.goto(`${baseUrl()}/observatory/indexes`);
      await page.getByRole('heading', { level: 1, name: 'Index de référence' }).waitFor();
      const scholar = page.getByRole('switch', { name: 'Google Scholar compte pour l’indicateur' });
      expect(await scholar.getAttribute('aria-checked')).toBe('false');
      await scholar.click();
      await page.getByText('Google Scholar compte désormais.').waitFor();
      expect(await scholar.getAttribute('aria-checked')).toBe('true');
      for (const [language, label, size] of [
        ['fr', '1366', LAPTOP],
        ['ar', '390', PHONE],
      ] as const) {
        await page.setViewportSize(size);
        // Opened at this size, as a phone would: the menu starts closed.
        await page.goto(`${baseUrl()}/observatory/indexes`);
        await page.locator('main h1').waitFor();
        await chooseLanguage(page, language);
        await page.waitForLoadState('networkidle');
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({
          path: `/tmp/i16serials-indexes-${language}-${label}.png`,
          fullPage: true,
        });
      }
      await page.setViewportSize(LAPTOP);
      await page.keyboard.press('Escape');
      await chooseLanguage(page, 'fr');
      // Back to the default, so the demo's indicator is unchanged.
      await scholar.click();
      await page.getByText('Google Scholar ne compte plus.').waitFor();
    } finally {
      await admin.close();
    }
  });
});
