import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn } from './support/browser';
import { chooseLanguage } from './support/screen';

const OFFICER = 'partnerships@oris.example';
const LAPTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
/** The demo's unsigned MoU: the foundation has not signed yet. */
const DRAFT = 'Protocole d’accord Fondation Atlas – emploi des jeunes';
/** The demo's convention whose end falls within its notice period. */
const ENDING = 'Convention Réseau Entreprendre – mentorat des créateurs';

/** A Material select is named by its label followed by the value it holds. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const today = () => new Date().toISOString().slice(0, 10);

async function fitsTheScreen(page: Page): Promise<boolean> {
  return (await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0;
}

describe('a partnership officer recording a partnership', () => {
  let officer: Browser;
  let savedLanguage: string;

  beforeAll(async () => {
    officer = await openBrowser();
    await signIn(officer.page, OFFICER);
    await officer.page.locator('main h1').waitFor();
    savedLanguage = await officer.page.evaluate(() => document.documentElement.lang);
    await chooseLanguage(officer.page, 'fr');
  });

  afterAll(async () => {
    if (officer && (savedLanguage === 'fr' || savedLanguage === 'ar')) {
      await chooseLanguage(officer.page, savedLanguage);
    }
    await officer?.close();
  });

  it('lands on the registry, where the statuses are computed and filtered by chip', async () => {
    const { page } = officer;
    await page.getByRole('navigation').getByRole('link', { name: 'Partenariats' }).click();
    await page.waitForURL(`${baseUrl()}/observatory/partnerships`);
    await page.getByRole('heading', { level: 1, name: 'Partenariats' }).waitFor();
    await page.getByRole('link', { name: DRAFT }).waitFor();

    await page.getByRole('button', { name: 'Renouvellement à décider' }).click();
    await page.getByRole('link', { name: ENDING }).waitFor();
    expect(await page.getByRole('link', { name: DRAFT }).count()).toBe(0);
    await page.getByRole('button', { name: 'Renouvellement à décider' }).click();
    await page.getByRole('link', { name: DRAFT }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('records the missing signature of the draft MoU, which then counts as signed', async () => {
    const { page } = officer;
    await page.getByRole('link', { name: DRAFT }).click();
    await page.getByRole('heading', { level: 1, name: DRAFT }).waitFor();
    await page.getByText('Brouillon (signatures manquantes)').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await choose(page, 'Partie', 'Fondation Atlas pour l’emploi');
    await page.getByLabel('Date de signature').fill(today());
    await page.getByRole('button', { name: 'Enregistrer la signature' }).click();
    await page.getByText('Signé, pas encore commencé').first().waitFor();
    expect(await page.getByText('Signature attendue').count()).toBe(0);
  });

  it('records a new convention through the form and opens it', async () => {
    const { page } = officer;
    await page.goto(`${baseUrl()}/observatory/partnerships/new`);
    await page.getByRole('heading', { level: 1, name: 'Nouveau partenariat' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Intitulé').fill('Convention Oriental Tech – stages');
    await page.getByLabel('Début', { exact: true }).fill(today());
    await choose(page, 'Organisation', 'Université Mohammed Premier');
    await page.getByRole('button', { name: 'Enregistrer le partenariat' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Convention Oriental Tech – stages' })
      .waitFor();
    await page.getByText('Signature attendue').waitFor();
  });

  it.each(['fr', 'ar'] as const)(
    'lays the registry and a partnership out on a laptop and a phone in %s, without serious violation',
    async (language) => {
      const { page } = officer;
      for (const [label, size] of [
        ['1366', LAPTOP],
        ['390', PHONE],
      ] as const) {
        await page.setViewportSize(size);
        await page.goto(`${baseUrl()}/observatory/partnerships`);
        await chooseLanguage(page, language);
        await page.getByRole('link', { name: ENDING }).waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(
          language === 'ar' ? 'rtl' : 'ltr',
        );
        expect(await fitsTheScreen(page)).toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({
          path: `/tmp/i16partners-list-${language}-${label}.png`,
          fullPage: true,
        });
        await page.getByRole('link', { name: ENDING }).click();
        await page.getByRole('heading', { level: 1, name: ENDING }).waitFor();
        await page.waitForLoadState('networkidle');
        expect(await fitsTheScreen(page)).toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({
          path: `/tmp/i16partners-detail-${language}-${label}.png`,
          fullPage: true,
        });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    },
  );
});
