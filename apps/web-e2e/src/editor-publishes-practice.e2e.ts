import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, DEMO_ADMIN, openBrowser, signIn } from './support/browser';
import { chooseLanguage, LAPTOP, PHONE, resizeTo } from './support/screen';

const EDITOR = 'editor@oris.example';
/** Unique per run, so the library's search finds this journey's sheet and no other. */
const RUN = Date.now().toString(36);
const TITLE = `Coopératives féminines du safran ${RUN}`;
const TITLE_AR = `تعاونيات نسائية للزعفران ${RUN}`;
/** The French texts by field (the editor's fields are `#text-<language>-<field>`). */
const FRENCH: Record<string, string> = {
  title: TITLE,
  summary: 'Des coopératives de femmes transforment et vendent le safran de Taliouine.',
  problem: 'Les femmes rurales de la région ont peu de revenus réguliers.',
  intervention: 'Formation à la transformation, équipement partagé, accès aux marchés.',
  coreComponents: 'Un accompagnement de 18 mois et une coopérative par douar.',
  results: 'Deux ans après, 64 % des membres ont un revenu régulier.',
  replicationConditions: 'Une filière locale structurée et un partenaire de vente.',
};

/** A Material select is named by its label; a multiple one closes with Escape. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.keyboard.press('Escape');
}

/** No serious axe violation and no sideways scroll, at this size; a screenshot to look at. */
async function check(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `/tmp/i17practices-${name}.png`, fullPage: true });
}

/** The attachments panel with its remove button, at both sizes, in French and in Arabic. */
async function attachmentsShots(page: Page): Promise<void> {
  const panel = page.locator('oris-attachments-panel');
  for (const language of ['fr', 'ar'] as const) {
    await chooseLanguage(page, language);
    for (const [size, width] of [
      [PHONE, 390],
      [LAPTOP, 1366],
    ] as const) {
      await resizeTo(page, size);
      await panel.scrollIntoViewIfNeeded();
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      await panel.screenshot({ path: `/tmp/practice-extras-attachments-${language}-${width}.png` });
    }
  }
  expect(await seriousViolations(page)).toEqual([]);
  await chooseLanguage(page, 'fr');
  await resizeTo(page, LAPTOP);
}

describe('an editor writes a practice sheet, an administrator reviews and publishes it, a visitor reads it in Arabic', () => {
  let editor: Browser;
  let admin: Browser;
  let visitor: Browser;
  let sheetPath: string;
  const savedLanguages = new Map<Browser, string>();

  beforeAll(async () => {
    editor = await openBrowser();
    admin = await openBrowser();
    visitor = await openBrowser();
    for (const [browser, email] of [
      [editor, EDITOR],
      [admin, DEMO_ADMIN],
    ] as const) {
      await signIn(browser.page, email);
      await browser.page.locator('main h1').waitFor();
      savedLanguages.set(browser, await browser.page.evaluate(() => document.documentElement.lang));
      await chooseLanguage(browser.page, 'fr');
    }
  });

  afterAll(async () => {
    for (const [browser, language] of savedLanguages) {
      if (language === 'fr' || language === 'ar') await chooseLanguage(browser.page, language);
    }
    await editor?.close();
    await admin?.close();
    await visitor?.close();
  });

  it('lets the editor write the sheet in French with its Arabic translation and submit it', async () => {
    const { page } = editor;
    await page.goto(`${baseUrl()}/observatory/practices`);
    await page.getByRole('heading', { level: 1, name: 'Fiches pratiques' }).waitFor();
    await page.getByRole('link', { name: 'Rédiger une fiche' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rédiger une fiche pratique' }).waitFor();
    await expect(page.getByRole('tab', { name: 'Français (original)' }).count()).resolves.toBe(1);
    for (const [field, text] of Object.entries(FRENCH)) {
      await page.locator(`#text-fr-${field}`).fill(text);
    }
    await choose(page, 'Régions', 'Drâa-Tafilalet');
    await choose(page, 'Thématiques', 'Autonomisation des femmes');
    await choose(page, 'Publics cibles', 'Femmes');
    await page.getByLabel('Coût total (MAD)').fill('1200000');
    await page.getByLabel('Année de début').fill('2019');
    await page.getByRole('button', { name: 'Créer la fiche' }).click();
    await page.getByRole('heading', { level: 1, name: 'Modifier la fiche' }).waitFor();
    await page.waitForURL(/\/observatory\/practices\/[0-9a-f-]{36}\/edit$/);
    sheetPath = new URL(page.url()).pathname.replace(/\/edit$/, '');

    await page.getByRole('tab', { name: 'Arabe (traduction)' }).click();
    await page.locator('#text-ar-title').fill(TITLE_AR);
    await page.locator('#text-ar-summary').fill('تعاونيات نسائية تحول الزعفران وتبيعه.');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.locator('.oris-lead', { hasText: 'Version 2' }).waitFor();

    // A document attached by mistake, then removed after confirming: each a new version.
    await page.locator('oris-attachments-panel input[type="file"]').setInputFiles({
      name: 'brouillon.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(
        '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
      ),
    });
    await page.getByRole('button', { name: 'Envoyer le fichier' }).click();
    const remove = page.getByRole('button', { name: 'Retirer brouillon.pdf' });
    await remove.waitFor();
    await page.locator('.oris-lead', { hasText: 'Version 3' }).waitFor();
    await attachmentsShots(page);
    await remove.click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('heading', { name: 'Retirer ce fichier ?' }).waitFor();
    await dialog.getByRole('button', { name: 'Retirer le fichier' }).click();
    await page.getByText('Aucune pièce jointe.', { exact: true }).waitFor();
    await page.locator('.oris-lead', { hasText: 'Version 4' }).waitFor();

    await page.getByRole('button', { name: 'Envoyer en relecture' }).click();
    // Submitted, the sheet opens as its reviewer will read it.
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.locator('.oris-lead', { hasText: 'En relecture' }).waitFor();
    await page.goto(`${baseUrl()}/observatory/practices`);
    await page.getByRole('heading', { level: 1, name: 'Fiches pratiques' }).waitFor();
    await page
      .getByRole('row', { name: new RegExp(TITLE) })
      .getByText('En relecture')
      .waitFor();
  });

  it('lets the administrator set the evidence level with its justification and publish', async () => {
    const { page } = admin;
    await page.goto(`${baseUrl()}${sheetPath}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('تعاونيات نسائية تحول الزعفران وتبيعه.').waitFor();
    // Material draws the radio over its native input: the click lands on its label.
    await page.getByRole('radio', { name: /Changement observé/ }).check({ force: true });
    await page
      .getByLabel('Justification du niveau (Français)')
      .fill('Suivi des revenus de trois cohortes sur deux ans, sans groupe de comparaison.');
    await page.getByRole('button', { name: 'Publier la fiche' }).click();
    await page.locator('.oris-lead', { hasText: 'Publiée' }).waitFor();
  });

  it('lets a visitor find it in the library and read it in Arabic on a phone', async () => {
    const { page } = visitor;
    await resizeTo(page, PHONE);
    await page.goto(`${baseUrl()}/practices`);
    await page
      .getByRole('heading', { level: 1, name: 'Bibliothèque des bonnes pratiques' })
      .waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher une pratique' }).fill(`safran ${RUN}`);
    const card = page.getByRole('listitem').filter({ hasText: TITLE });
    await card.getByText('Niveau 2 sur 5').waitFor();
    await check(page, 'library-fr-390');

    await card.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/practices\/[a-z0-9-]+$/);
    await page.getByRole('link', { name: 'Télécharger la fiche (PDF)' }).waitFor();
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    );
    // The API's description of the published version (a CreativeWork, not a HowTo).
    expect(jsonLd).toMatchObject({
      '@type': 'CreativeWork',
      name: expect.arrayContaining([{ '@language': 'fr', '@value': TITLE }]),
      inLanguage: 'fr',
    });
    await check(page, 'sheet-fr-390');

    await chooseLanguage(page, 'ar');
    await page.getByRole('heading', { level: 1, name: TITLE_AR }).waitFor();
    expect(await page.locator('article').getAttribute('dir')).toBe('rtl');
    await page.getByText('المستوى 2 من 5').first().waitFor();
    await check(page, 'sheet-ar-390');

    await page.goto(`${baseUrl()}/practices`);
    await page.getByRole('heading', { level: 1, name: 'مكتبة الممارسات الجيدة' }).waitFor();
    await check(page, 'library-ar-390');
    await resizeTo(page, LAPTOP);
    await check(page, 'library-ar-1366');
  });
});
