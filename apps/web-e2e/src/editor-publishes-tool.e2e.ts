import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn } from './support/browser';
import { chooseLanguage } from './support/screen';

const EDITOR = 'editor@oris.example';
/** Unique per run, so the catalogue search finds this journey's tool and no other. */
const TITLE = `Guide du porteur de projet ${Date.now().toString(36)}`;
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const SIZES = [
  { label: '390', width: 390, height: 844 },
  { label: '1366', width: 1366, height: 900 },
];

/** A Material select is named by its label followed by the value it holds. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** At each size and in each language: no serious violation, no sideways scroll, a screenshot. */
async function lookAt(page: Page, name: string, ready: () => Promise<void>): Promise<void> {
  for (const language of ['fr', 'ar'] as const) {
    await chooseLanguage(page, language);
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      // Laid out afresh at this width (the navigation drawer closed on a phone).
      await page.reload();
      await ready();
      await page.waitForLoadState('networkidle');
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
      ).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({
        path: `/tmp/i16tools-${name}-${language}-${size.label}.png`,
        fullPage: true,
      });
    }
  }
  await chooseLanguage(page, 'fr');
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('an observatory editor publishing a knowledge tool, found and downloaded by a visitor', () => {
  let editor: Browser;
  let visitor: Browser;
  let toolPath: string;
  let savedLanguage: string;

  beforeAll(async () => {
    editor = await openBrowser();
    await signIn(editor.page, EDITOR);
    await editor.page.locator('main h1').waitFor();
    savedLanguage = await editor.page.evaluate(() => document.documentElement.lang);
    await chooseLanguage(editor.page, 'fr');
    visitor = await openBrowser();
    // The journeys' headless browser says who it is, so its download counts (outside production).
    await visitor.context.setExtraHTTPHeaders({ 'x-oris-journey': '1' });
  });

  afterAll(async () => {
    if (editor && (savedLanguage === 'fr' || savedLanguage === 'ar')) {
      await chooseLanguage(editor.page, savedLanguage);
    }
    await editor?.close();
    await visitor?.close();
  });

  it('records the tool from the registry', async () => {
    const { page } = editor;
    await page.goto(`${baseUrl()}/observatory/tools`);
    await page.getByRole('heading', { level: 1, name: 'Outils de connaissance' }).waitFor();
    await page.getByRole('link', { name: 'Enregistrer un outil' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Enregistrer un outil de connaissance' })
      .waitFor();
    await page.getByLabel('Titre (Français)').fill(TITLE);
    await page
      .getByLabel('Description (Français)')
      .fill('Les étapes pour passer de l’idée au projet, avec des fiches pratiques.');
    await page.getByLabel('Titre (Arabe)').fill('دليل حامل المشروع');
    await choose(page, 'Type', 'Guide');
    await choose(page, 'Finalité', 'Diffusion');
    await choose(page, 'Rôle de l’ORIS', 'Créateur');
    await choose(page, 'Licence', 'CC-BY-4.0');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    toolPath = new URL(page.url()).pathname;
    expect(toolPath).toMatch(/^\/observatory\/tools\/[0-9a-f-]{36}$/);
    await page.getByText('Aucune version pour l’instant.').waitFor();
  });

  it('adds a version with its file, then validates the tool', async () => {
    const { page } = editor;
    await page.getByLabel('Numéro').fill('1.0');
    await page.getByLabel('Parue le').fill(new Date().toISOString().slice(0, 10));
    await page.locator('oris-tool-version-form input[type="file"]').setInputFiles({
      name: 'guide-porteur.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByText('Fichier choisi : guide-porteur.pdf').waitFor();
    await page.getByRole('button', { name: 'Ajouter la version' }).click();
    await page.getByRole('cell', { name: 'guide-porteur.pdf' }).waitFor();

    await page.getByRole('button', { name: 'Valider' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Valider' }).click();
    await page.locator('.oris-lead', { hasText: 'validé le' }).waitFor();
    await expect(page.getByRole('button', { name: 'Valider' }).count()).resolves.toBe(0);

    await lookAt(page, 'staff-tool', () => page.locator('main h1').waitFor());
  });

  it('lets a visitor find it in the public catalogue and download it', async () => {
    const { page } = visitor;
    await page.goto(`${baseUrl()}/tools`);
    await page
      .getByRole('heading', { level: 1, name: 'Outils de connaissance de l’ORIS' })
      .waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher un outil' }).fill('porteur de projet');
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('link', { name: 'CC-BY-4.0' }).waitFor();
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    );
    expect(jsonLd).toMatchObject({ '@type': 'CreativeWork', name: TITLE });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger la version 1.0' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('guide-porteur.pdf');
    expect(await download.failure()).toBeNull();

    await lookAt(page, 'public-tool', () => page.locator('main h1').waitFor());
    await page.goto(`${baseUrl()}/tools`);
    await lookAt(page, 'public-tools', () => page.locator('oris-pager, .cards').first().waitFor());
  });

  it('shows the editor one counted download', async () => {
    const { page } = editor;
    await page.goto(`${baseUrl()}${toolPath}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const row = page.getByRole('row', { name: /guide-porteur\.pdf/ });
    await expect(row.getByRole('cell').last().textContent()).resolves.toBe('1');
  });
});
