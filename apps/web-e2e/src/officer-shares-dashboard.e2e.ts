import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn } from './support/browser';
import { LAPTOP, PHONE, chooseLanguage } from './support/screen';

// The demo officer looks at the figures only: nothing here changes the demo data.
const OFFICER = 'officer@oris.example';
const SHOTS = '/tmp/oris-i14dash';

async function figuresShown(page: Page): Promise<void> {
  await page.locator('[data-card="insertion.dashboard.cards.inserted"]').waitFor();
  await page.waitForLoadState('networkidle');
}

const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

describe('an officer sharing and printing the insertion dashboard', () => {
  let officer: Browser;
  let savedLanguage = '';

  beforeAll(async () => {
    officer = await openBrowser();
    await signIn(officer.page, OFFICER);
    await officer.page.locator('main h1').waitFor();
    savedLanguage = await officer.page.evaluate(() => document.documentElement.lang);
    await chooseLanguage(officer.page, 'fr');
  });

  afterAll(async () => {
    try {
      // The demo officer's saved language is shared with the other journeys: put it back.
      if (officer && (savedLanguage === 'fr' || savedLanguage === 'ar')) {
        await officer.page.keyboard.press('Escape');
        await officer.page.emulateMedia({ media: 'screen' });
        await chooseLanguage(officer.page, savedLanguage);
      }
    } finally {
      await officer?.close();
    }
  });

  it('keeps the filters in the address: a reload and a shared link show the same, back returns', async () => {
    const { page } = officer;
    await page.setViewportSize(LAPTOP);
    await page.goto(`${baseUrl()}/insertion/dashboard`);
    await figuresShown(page);

    await page.getByRole('combobox', { name: 'Horizon' }).click();
    await page.getByRole('option', { name: '12 mois' }).click();
    await page.waitForURL(/months=12/);
    await page.getByLabel('Date de calcul').fill('2026-06-30');
    await page.waitForURL(/asOf=2026-06-30/);
    await page.getByRole('combobox', { name: 'Ventiler par' }).click();
    await page.getByRole('option', { name: 'Sexe' }).click();
    await page.waitForURL(/table=gender/);
    expect(query(page)).toEqual({ months: '12', asOf: '2026-06-30', table: 'gender' });

    await page.reload();
    await figuresShown(page);
    expect(await page.getByRole('combobox', { name: 'Horizon' }).textContent()).toContain(
      '12 mois',
    );
    expect(await page.getByLabel('Date de calcul').inputValue()).toBe('30/06/2026');
    expect(await page.locator('.breakdown thead th').first().textContent()).toContain('Sexe');

    // The same link in another tab.
    const shared = await officer.context.newPage();
    await shared.goto(page.url());
    await figuresShown(shared);
    expect(await shared.getByLabel('Date de calcul').inputValue()).toBe('30/06/2026');
    await shared.close();

    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('table'));
    await page.locator('.breakdown thead th').first().getByText('Région').waitFor();
    expect(query(page)).toEqual({ months: '12', asOf: '2026-06-30' });
  });

  it('shows each rate with its n, beside the bars and in the table', async () => {
    const { page } = officer;
    const bar = page.locator('oris-bar-chart').first().locator('.bars li').first();
    expect(await bar.locator('.n').textContent()).toMatch(/^n = \d+$/);
    const rateCells = page.locator('.breakdown tfoot td .n');
    expect(await rateCells.count()).toBe(3);
    expect(await page.locator('.card-n').count()).toBe(4);
  });

  it('exports CSV and XLSX labelled in the language of the page, with region names and rounded rates', async () => {
    const { page } = officer;
    await page.goto(`${baseUrl()}/insertion/dashboard`);
    await figuresShown(page);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporter en CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^oris-insertion-region-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile((await csv.path()) ?? '', 'utf8');
    expect(text).toContain('ORIS Academy — Professionnels formés et insérés');
    expect(text).toContain('Horizon (mois);9');
    expect(text).toContain('Région;Code;Formées;Observables;Répondants');
    expect(text).toMatch(
      /\r\n(Rabat|Casablanca|Fès|Marrakech|Tanger|L’Oriental|Souss)[^;]*;MA-\d{2};/,
    );
    expect(text).toMatch(/\r\nTotal;;\d+;\d+;\d+;\d+;\d+;(\d+,\d)?;/);

    await chooseLanguage(page, 'ar');
    await figuresShown(page);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'تصدير بصيغة XLSX' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile((await xlsx.path()) ?? '');
    // A workbook is a zip file.
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    await chooseLanguage(page, 'fr');
  });

  it.each(['fr', 'ar'] as const)(
    'prints with its title, the filters in words and the dates, in %s',
    async (language) => {
      const { page } = officer;
      await page.setViewportSize(LAPTOP);
      await page.goto(`${baseUrl()}/insertion/dashboard?months=6&table=education`);
      await chooseLanguage(page, language);
      await figuresShown(page);
      await page.emulateMedia({ media: 'print' });

      const summary = page.locator('.print-summary');
      expect(await summary.isVisible()).toBe(true);
      expect(await page.locator('.filters-card').isVisible()).toBe(false);
      expect(await page.locator('.page-actions').isVisible()).toBe(false);
      expect(await page.locator('main h1').isVisible()).toBe(true);
      expect(await page.locator('.two-dates').isVisible()).toBe(true);
      const words = (await summary.textContent()) ?? '';
      expect(words).toContain(language === 'fr' ? '6 mois' : '6 أشهر');
      // The table's header repeats on every printed page; no row is cut in two.
      expect(
        await page.locator('.breakdown thead').evaluate((head) => getComputedStyle(head).display),
      ).toBe('table-header-group');
      expect(
        await page
          .locator('.breakdown tbody tr')
          .first()
          .evaluate((row) => getComputedStyle(row).breakInside),
      ).toBe('avoid');
      await page.screenshot({ path: `${SHOTS}-print-${language}.png`, fullPage: true });
      await page.pdf({ path: `${SHOTS}-print-${language}.pdf`, format: 'A4' });
      await page.emulateMedia({ media: 'screen' });
    },
  );

  it.each([
    ['fr', LAPTOP],
    ['ar', LAPTOP],
    ['fr', PHONE],
    ['ar', PHONE],
  ] as const)('reads right and passes axe in %s at %o', async (language, size) => {
    const { page } = officer;
    await page.setViewportSize(size);
    await page.goto(`${baseUrl()}/insertion/dashboard`);
    await chooseLanguage(page, language);
    await figuresShown(page);

    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.screenshot({
      path: `${SHOTS}-dashboard-${language}-${size.width}.png`,
      fullPage: true,
    });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
