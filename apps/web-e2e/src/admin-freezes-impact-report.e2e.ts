import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn } from './support/browser';
import { chooseLanguage } from './support/screen';

const ADMIN = 'admin@oris.example';
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };
const SHOTS = '/tmp/oris-i16impact';
// Last year: a whole year of the demo's work, frozen by this journey on its fresh database.
const YEAR = new Date().getFullYear() - 1;

/** Full-page screenshots at 1366 and 390 px, each size loaded afresh (the menu as it opens there). */
async function shoot(page: Page, name: string, ready: string): Promise<void> {
  for (const [label, size] of [
    ['1366', LAPTOP],
    ['390', PHONE],
  ] as const) {
    await page.setViewportSize(size);
    await page.reload();
    await page.locator(ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize(LAPTOP);
}

describe('an administrator freezing the yearly impact report', () => {
  let admin: Browser;
  let visitor: Browser;
  let savedLanguage = '';

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    admin = await openBrowser();
    visitor = await openBrowser();
    await signIn(admin.page, ADMIN);
    await admin.page.locator('main h1').waitFor();
    savedLanguage = await admin.page.evaluate(() => document.documentElement.lang);
    await chooseLanguage(admin.page, 'fr');
  });

  afterAll(async () => {
    try {
      // The demo admin's saved language is shared with the other journeys: put it back.
      if (admin && (savedLanguage === 'fr' || savedLanguage === 'ar')) {
        await chooseLanguage(admin.page, savedLanguage);
      }
    } finally {
      await admin?.close();
      await visitor?.close();
    }
  });

  it('opens the impact page from the menu, the indicators without a source said "not available"', async () => {
    const { page } = admin;
    await page.setViewportSize(LAPTOP);
    await page.getByRole('navigation').getByRole('link', { name: 'Impact', exact: true }).click();
    await page.waitForURL(`${baseUrl()}/observatory/impact`);
    await page
      .getByRole('heading', { level: 1, name: 'Les quatre indicateurs d’impact' })
      .waitFor();
    await page.getByRole('combobox', { name: 'Année' }).click();
    await page.getByRole('option', { name: String(YEAR) }).click();
    await page.waitForURL(new RegExp(`year=${YEAR}`));
    const insertion = page.locator('[data-indicator="insertion"]');
    await insertion.locator('.value a').waitFor();
    expect(await insertion.locator('h2').textContent()).toContain(
      'Professionnels formés et insérés',
    );
    // The registries' sources are wired at merge: until then, said in words.
    for (const indicator of ['publications', 'tools', 'partnerships']) {
      const card = page.locator(`[data-indicator="${indicator}"]`);
      if ((await card.locator('.unavailable').count()) > 0) {
        expect(await card.locator('.unavailable').textContent()).toContain('Non disponible ici');
      }
    }
    // The trend reads without the picture: its table has the five years.
    await insertion.getByText('Afficher les données').click();
    expect(await insertion.locator('tbody tr').count()).toBe(5);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('sets a target: the card shows it with the progress', async () => {
    const { page } = admin;
    const targets = page.locator('oris-target-form');
    await targets.getByRole('combobox', { name: 'Indicateur' }).click();
    await page.getByRole('option', { name: 'Professionnels formés et insérés' }).click();
    await targets.getByLabel(`Cible ${YEAR}`).fill('40');
    await targets.getByLabel('Référence').fill('0');
    await targets.getByRole('button', { name: 'Enregistrer la cible' }).click();
    await targets
      .getByText(`Cible enregistrée : Professionnels formés et insérés, ${YEAR} → 40.`)
      .waitFor();
    const insertion = page.locator('[data-indicator="insertion"]');
    await insertion.locator('.goals dd', { hasText: '40' }).waitFor();
  });

  it('freezes the year after confirming, and the version shows with its files', async () => {
    const { page } = admin;
    await page.getByText('Cette année n’a pas encore été figée.').waitFor();
    await page.getByRole('button', { name: `Figer ${YEAR}` }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('heading', { name: `Figer le rapport ${YEAR} ?` }).waitFor();
    await dialog.getByRole('button', { name: 'Figer', exact: true }).click();
    const version = page.locator('[data-version="1"]');
    await version.getByRole('heading', { name: 'Version 1' }).waitFor();
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      version.getByRole('button', { name: 'PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe(`oris-impact-${YEAR}-v1-fr.pdf`);
    // A second freeze is a restatement: it asks for its reason.
    await page.getByRole('button', { name: `Figer un rectificatif de ${YEAR}` }).waitFor();
    await page.getByLabel('Motif du rectificatif').waitFor();
    await shoot(page, 'impact-fr', '[data-version="1"]');
  });

  it('shows the frozen year on the public page, to anyone, with the open data', async () => {
    const { page } = visitor;
    await page.setViewportSize(LAPTOP);
    await page.goto(`${baseUrl()}/catalogue`);
    await page.getByRole('navigation').getByRole('link', { name: 'Notre impact' }).click();
    await page.waitForURL(`${baseUrl()}/impact`);
    await page.getByRole('heading', { level: 2, name: `Année ${YEAR}` }).waitFor();
    const insertion = page.locator('[data-indicator="insertion"]');
    expect(await insertion.textContent()).toMatch(/\d|Masqué/);
    await page.getByRole('link', { name: 'Télécharger en CSV' }).waitFor();
    expect(await page.getByRole('link', { name: 'Licence CC-BY-4.0' }).getAttribute('href')).toBe(
      'https://creativecommons.org/licenses/by/4.0/',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'public-fr', '[data-indicator="insertion"]');
  });

  it('reads the same pages in Arabic, right to left', async () => {
    const { page } = admin;
    await chooseLanguage(page, 'ar');
    await page.goto(`${baseUrl()}/observatory/impact?year=${YEAR}`);
    await page.getByRole('heading', { level: 1, name: 'مؤشرات الأثر الأربعة' }).waitFor();
    await page.locator('[data-indicator="insertion"] .value a').waitFor();
    await page.locator('[data-version="1"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'impact-ar', '[data-version="1"]');

    await page.goto(`${baseUrl()}/impact`);
    await page.getByRole('heading', { level: 2, name: `سنة ${YEAR}` }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'public-ar', '[data-indicator="insertion"]');
  });
});
