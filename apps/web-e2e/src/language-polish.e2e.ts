import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { type Browser, openBrowser, signIn } from './support/browser';
import { chooseLanguage, visit, resizeTo } from './support/screen';

// From the demo data (libs/api/catalogue/src/seed).
const COURSE_CODE = 'ES-101';
const COURSE_TITLE = 'Entrepreneuriat social : de l’idée au modèle économique';
const OFFICER = 'officer@oris.example';
const SIZES = { laptop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };

async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

/** Left-overs of a message that was not resolved: "(s)", `{{x}}`, ICU syntax, a stray `#`. */
function unresolved(text: string): string[] {
  return text.match(/\(s\)|\{\{?\s*\w+|\bplural\b|(?<![\w/])#(?!\w)/g) ?? [];
}

/** A picture of the page on a laptop and on a phone, for a person to look at (in /tmp). */
async function keepScreenshot(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of Object.entries(SIZES)) {
    await resizeTo(page, viewport);
    await page.screenshot({ path: `/tmp/oris-language-${name}-${size}.png`, fullPage: true });
  }
  await page.setViewportSize(SIZES.laptop);
}

describe('the interface in the language chosen, as a new user meets it', () => {
  let visitor: Browser;
  let officer: Browser;
  const unauthorised: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    [visitor, officer] = await Promise.all([openBrowser(), openBrowser()]);
    await visitor.page.setViewportSize(SIZES.laptop);
    visitor.page.on('response', (response) => {
      if (response.status() === 401) unauthorised.push(new URL(response.url()).pathname);
    });
    visitor.page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  });

  afterAll(async () => {
    await Promise.all([visitor?.close(), officer?.close()]);
  });

  it('lets a visitor browse every public page without a 401, each with a title of its own', async () => {
    const { page } = visitor;
    const titles: string[] = [];
    for (const path of ['/catalogue', '/verify', '/indicators', '/sign-in', '/register']) {
      await visit(page, path);
      titles.push(await page.title());
    }
    await visit(page, `/catalogue?q=${COURSE_CODE}`);
    await page.getByRole('article', { name: COURSE_TITLE }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: COURSE_TITLE }).waitFor();
    await page.waitForLoadState('networkidle');
    titles.push(await page.title());

    expect(titles).toEqual([
      'Catalogue des formations · ORIS Academy',
      'Vérifier un certificat · ORIS Academy',
      'Indicateurs d’insertion · ORIS Academy',
      'Connexion · ORIS Academy',
      'Inscription · ORIS Academy',
      // The course page is named after its course, not just "Formation".
      `${COURSE_TITLE} · ORIS Academy`,
    ]);
    expect(unauthorised).toEqual([]);
    expect(consoleErrors.filter((error) => /\b401\b|unauthori[sz]ed/i.test(error))).toEqual([]);
  });

  it.each(['fr', 'ar'] as const)(
    'words every count of the course page in %s, with no "(s)" and no raw placeholder',
    async (language) => {
      const { page } = visitor;
      await chooseLanguage(page, language);
      await page.getByRole('heading', { level: 1, name: COURSE_TITLE }).waitFor();

      // The course's own title, with the site's name in the reader's language.
      expect(await page.title()).toBe(
        `${COURSE_TITLE} · ${language === 'ar' ? 'أكاديمية ORIS' : 'ORIS Academy'}`,
      );
      expect(unresolved(await mainText(page))).toEqual([]);
      await keepScreenshot(page, `course-${language}`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(unauthorised).toEqual([]);
    },
  );

  it('leaves nothing in French on the page after switching to Arabic', async () => {
    const { page } = visitor;
    await visit(page, '/register');
    await chooseLanguage(page, 'fr');
    await page.getByLabel('Adresse e-mail').fill('admin@oris.example');
    await page.getByLabel('Mot de passe').fill('un mot de passe assez long');
    await page.getByLabel('Nom complet', { exact: true }).fill('Salma Idrissi');
    await page.getByRole('radio', { name: 'Femme' }).check();
    await page.getByLabel('Année de naissance').fill('1998');
    await page.getByRole('combobox', { name: 'Région' }).click();
    await page.getByRole('option', { name: 'Casablanca-Settat' }).click();
    await page.getByRole('checkbox', { name: /J'ai lu cette information/ }).check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    const alert = page.getByRole('alert').first();
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/[a-zé]{4}/);

    await chooseLanguage(page, 'ar');

    await page.waitForFunction(
      () => !/[A-Za-zÀ-ÿ]{4}/.test(document.querySelector('[role="alert"]')?.textContent ?? ''),
    );
    expect(await page.getByRole('alert').first().innerText()).toMatch(/[\u0600-\u06FF]/);
    expect(await page.title()).toBe('إنشاء حساب · أكاديمية ORIS');
  });

  it('has an officer pick days in a calendar in Arabic, with Western digits, and no browser date inputs', async () => {
    const { page } = officer;
    await page.setViewportSize(SIZES.laptop);
    await signIn(page, OFFICER);
    await visit(page, '/insertion/dashboard');
    await chooseLanguage(page, 'ar');
    await page.locator('.cards').waitFor();

    expect(
      await page
        .locator('input[type="date"], input[type="time"], input[type="datetime-local"]')
        .count(),
    ).toBe(0);
    expect(unresolved(await mainText(page))).toEqual([]);
    await keepScreenshot(page, 'dashboard-ar');

    await page.getByRole('button', { name: 'فتح التقويم' }).first().click();
    const calendar = page.locator('mat-calendar');
    await calendar.waitFor();
    const period = await calendar.locator('.mat-calendar-period-button').innerText();
    // An Arabic month name and a year in Western digits (Moroccan usage), never ٢٠٢٦.
    expect(period).toMatch(/^[\u0600-\u06FF]+ \d{4}$/);
    expect(await calendar.innerText()).not.toMatch(/[\u0660-\u0669]/);
    await keepScreenshot(page, 'calendar-ar');
    expect(await seriousViolations(page)).toEqual([]);

    await calendar
      .locator('.mat-calendar-body-cell:not(.mat-calendar-body-disabled)')
      .first()
      .click();
    await calendar.waitFor({ state: 'detached' });
    const typed = await page.locator('input.mat-datepicker-input').first().inputValue();
    expect(typed).toMatch(/^\d{2}\D{0,2}\/\D{0,2}\d{2}\D{0,2}\/\D{0,2}\d{4}$/);

    await chooseLanguage(page, 'fr');
    await page.locator('.cards').waitFor();
    expect(unresolved(await mainText(page))).toEqual([]);
    await keepScreenshot(page, 'dashboard-fr');
  });
});
