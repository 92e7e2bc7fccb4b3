import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn } from './support/browser';
import { chooseLanguage, untilInteractive, visit } from './support/screen';

// The journey makes its own course, so it needs nothing from the demo catalogue.
const suffix = Date.now().toString(36).toUpperCase();
const code = `E2E-${suffix}`;
const title = `Coopératives et économie circulaire ${suffix}`;
const sessionTitle = `Cohorte Rabat ${suffix}`;
const UUID = '[0-9a-f-]{36}';

/** A calendar day some days from now; far enough ahead to be "today or later" in Morocco too. */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** What the journey created, for the accessibility checks that follow it. */
const created = { courseId: '', moduleId: '', sessionId: '' };

async function choose(page: Page, field: string, ...options: string[]): Promise<void> {
  await page.getByRole('combobox', { name: field }).click();
  for (const option of options) await page.getByRole('option', { name: option }).click();
  if (options.length > 1) await page.keyboard.press('Escape');
}

describe('the catalogue', () => {
  let trainer: Browser;
  let visitor: Browser;

  beforeAll(async () => {
    [trainer, visitor] = await Promise.all([openBrowser(), openBrowser()]);
  });

  afterAll(async () => {
    await Promise.all([trainer?.close(), visitor?.close()]);
  });

  it('lets a trainer create and publish a course with a module, then open a session', async () => {
    const { page } = trainer;
    await signIn(page, 'trainer@oris.example');

    await page.getByRole('navigation').getByRole('link', { name: 'Espace formateur' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes formations' }).waitFor();
    await page.getByRole('link', { name: 'Nouvelle formation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nouvelle formation' }).waitFor();

    await page.getByLabel('Code', { exact: true }).fill(code.toLowerCase());
    await page.getByLabel('Titre', { exact: true }).fill(title);
    await page
      .getByLabel('Résumé', { exact: true })
      .fill('Monter et faire vivre une coopérative qui valorise les déchets de la région.');
    await page
      .getByLabel('Description (Markdown)')
      .fill('## Pour qui\n\nDes porteurs de projet **déjà engagés** dans leur territoire.');
    // The live preview renders the Markdown while it is typed.
    await page.locator('oris-markdown-editor strong', { hasText: 'déjà engagés' }).waitFor();
    await choose(page, 'Thème', 'Coopératives');
    await choose(page, 'Langues', 'Français', 'Arabe');
    await choose(page, 'Modalité', 'Hybride');
    await page.getByLabel('Durée (heures)').fill('24');
    await page.getByRole('button', { name: 'Ajouter un acquis' }).click();
    await page
      .getByRole('textbox', { name: 'Acquis 1' })
      .fill('Rédiger les statuts d’une coopérative');
    await page.getByRole('button', { name: 'Créer la formation' }).click();

    await page.waitForURL(new RegExp(`/teaching/courses/${UUID}$`));
    created.courseId = page.url().split('/').pop() as string;
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.locator('header').getByText(code, { exact: true }).count()).toBe(1);

    await page.getByRole('link', { name: 'Ajouter un module' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nouveau module' }).waitFor();
    await page.getByLabel('Titre', { exact: true }).fill('Les principes coopératifs');
    await page.getByLabel('Durée estimée (minutes)').fill('45');
    await page
      .getByLabel('Contenu (Markdown)')
      .fill('Les **sept principes** de l’Alliance coopérative. <script>alert(1)</script>');
    await page.getByRole('button', { name: 'Ajouter le module' }).click();

    await page.waitForURL(new RegExp(`/teaching/courses/${UUID}/modules/${UUID}$`));
    created.moduleId = page.url().split('/').pop() as string;
    // After saving, the preview is the API's sanitised rendering: the script is text.
    await page.getByText('Version enregistrée, telle que les participants la verront.').waitFor();
    const preview = page.locator('oris-markdown-view');
    await preview.locator('strong', { hasText: 'sept principes' }).waitFor();
    expect(await preview.locator('script').count()).toBe(0);
    expect(await preview.textContent()).toContain('<script>alert(1)</script>');

    await page.getByRole('button', { name: 'Publier le module' }).click();
    await page.locator('.title-row oris-status-chip', { hasText: 'Publié' }).waitFor();

    // A second module, left as a draft and moved to the top with the keyboard.
    await page.getByRole('link', { name: 'Retour à la formation' }).click();
    await page.getByRole('link', { name: 'Ajouter un module' }).click();
    await page.getByLabel('Titre', { exact: true }).fill('Gouvernance partagée');
    await page.getByLabel('Durée estimée (minutes)').fill('30');
    await page.getByRole('button', { name: 'Ajouter le module' }).click();
    await page.waitForURL(new RegExp(`/modules/${UUID}$`));
    await page.getByRole('link', { name: 'Retour à la formation' }).click();

    const modules = page.locator('ol.modules > li');
    await modules.nth(1).waitFor();
    const reordered = page.waitForResponse(
      (response) => response.url().endsWith('/modules/order') && response.ok(),
    );
    await page.getByRole('button', { name: 'Monter « Gouvernance partagée »' }).focus();
    await page.keyboard.press('Enter');
    await reordered;
    expect(await modules.locator('.module-main a').allTextContents()).toEqual([
      'Gouvernance partagée',
      'Les principes coopératifs',
    ]);
    // At the top its "up" arrow is disabled, so the keyboard stays on its "down" arrow.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Descendre «\u00a0Gouvernance partagée\u00a0»',
    );
    await page.reload();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await modules.first().locator('.module-main a').textContent()).toBe(
      'Gouvernance partagée',
    );

    await page.getByRole('button', { name: 'Publier la formation' }).click();
    const publishDialog = page.getByRole('alertdialog');
    await publishDialog.getByRole('heading', { name: `Publier « ${title} » ?` }).waitFor();
    await publishDialog.getByRole('button', { name: 'Publier la formation' }).click();
    await page.locator('header oris-status-chip', { hasText: 'Publiée' }).waitFor();

    await page.getByRole('link', { name: 'Planifier une session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Planifier une session' }).waitFor();
    await page.getByLabel('Intitulé de la session').fill(sessionTitle);
    await page.getByLabel('Premier jour').fill(dayFromNow(30));
    await page.getByLabel('Dernier jour').fill(dayFromNow(32));
    await choose(page, 'Région', 'Rabat-Salé-Kénitra');
    await page.getByLabel('Nombre de places').fill('12');
    await page.getByLabel('Lieu', { exact: true }).fill('Technopark, Rabat');
    await page.getByRole('button', { name: 'Ajouter une séance' }).click();
    await page.getByLabel('Jour', { exact: true }).fill(dayFromNow(30));
    await page.getByRole('button', { name: 'Créer la session' }).click();

    await page.waitForURL(new RegExp(`/teaching/sessions/${UUID}$`));
    created.sessionId = page.url().split('/').pop() as string;
    await page.locator('.title-row oris-status-chip', { hasText: 'Planifiée' }).waitFor();
    expect(await page.getByLabel('Début', { exact: true }).inputValue()).toBe('09:00');

    await page.getByRole('button', { name: 'Ouvrir les inscriptions' }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: 'Ouvrir les inscriptions' })
      .click();
    await page
      .locator('.title-row oris-status-chip', { hasText: 'Inscriptions ouvertes' })
      .waitFor();
    // Only the moves allowed from "open" are offered now.
    const moves = page.locator(
      'section[aria-labelledby="session-status-heading"] .oris-actions button',
    );
    expect((await moves.allTextContents()).map((text) => text.trim())).toEqual([
      'Démarrer la session',
      'Annuler la session',
    ]);
  });

  it('lets a visitor find the course by searching and see its session with the seats left', async () => {
    const { page } = visitor;
    await page.goto(`${baseUrl()}/catalogue`);
    await page.getByRole('heading', { level: 1, name: 'Catalogue des formations' }).waitFor();
    await untilInteractive(page);

    await page.getByRole('searchbox', { name: 'Rechercher' }).fill(code);
    await page.waitForURL((url) => url.searchParams.get('q') === code);
    await page.getByText('Formations trouvées\u00a0: 1', { exact: true }).waitFor();
    const card = page.getByRole('article', { name: title });
    await card.getByText('Places restantes\u00a0: 12').waitFor();
    await card.getByText('Rabat-Salé-Kénitra').waitFor();

    await card.getByRole('link', { name: title }).click();
    await page.waitForURL(`${baseUrl()}/catalogue/${created.courseId}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Pour qui' }).waitFor();
    // Visitors see published modules only.
    expect(await page.locator('ol.modules li .module-title').allTextContents()).toEqual([
      'Les principes coopératifs',
    ]);

    const row = page.getByRole('row').filter({ hasText: sessionTitle });
    await row.getByText('Places restantes\u00a0: 12').waitFor();
    await row.getByText('Inscriptions ouvertes').waitFor();
    await row.getByText('Technopark, Rabat').waitFor();
    await page
      .getByRole('link', { name: 'Connectez-vous pour vous inscrire à une session' })
      .click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('returnUrl')).toBe(
      `/catalogue/${created.courseId}`,
    );

    // The search forgives: no accents, no capitals, no dash in the code, a typo in a word.
    for (const typed of [
      `cooperatives et economie circulaire ${suffix.toLowerCase()}`,
      `e2e${suffix.toLowerCase()}`,
      `cooperatvies circulaire ${suffix.toLowerCase()}`,
    ]) {
      await page.goto(`${baseUrl()}/catalogue?q=${encodeURIComponent(typed)}`);
      await page.getByRole('article', { name: title }).waitFor();
    }

    // The filters live in the address: a shared link shows the same results.
    await page.goto(`${baseUrl()}/catalogue?q=${code}&theme=cooperatives&mode=online`);
    await page
      .getByRole('heading', { level: 2, name: 'Aucune formation ne correspond à votre recherche' })
      .waitFor();
    await page.getByRole('button', { name: 'Effacer les filtres' }).first().click();
    await page.waitForURL(`${baseUrl()}/catalogue`);
  });
});

describe.each(['fr', 'ar'] as const)('accessibility of the catalogue in %s', (language) => {
  let visitor: Browser;
  let trainer: Browser;

  beforeAll(async () => {
    [visitor, trainer] = await Promise.all([openBrowser(), openBrowser()]);
    await signIn(trainer.page, 'trainer@oris.example');
    for (const { page } of [visitor, trainer]) {
      await visit(page, '/catalogue');
      await chooseLanguage(page, language);
    }
  });

  afterAll(async () => {
    try {
      // The demo trainer's saved language is shared with the other journeys.
      if (trainer) {
        await trainer.page.keyboard.press('Escape');
        await chooseLanguage(trainer.page, 'fr');
      }
    } finally {
      await Promise.all([visitor?.close(), trainer?.close()]);
    }
  });

  it.each([
    { name: 'the catalogue', audience: 'visitor', path: () => '/catalogue' },
    { name: 'search results', audience: 'visitor', path: () => `/catalogue?q=${code}` },
    { name: 'no results', audience: 'visitor', path: () => '/catalogue?q=nothing-matches' },
    { name: 'a course page', audience: 'visitor', path: () => `/catalogue/${created.courseId}` },
    {
      name: 'a course page with its edit link',
      audience: 'trainer',
      path: () => `/catalogue/${created.courseId}`,
    },
    { name: 'my courses', audience: 'trainer', path: () => '/teaching' },
    { name: 'the new course form', audience: 'trainer', path: () => '/teaching/courses/new' },
    {
      name: 'a course workspace',
      audience: 'trainer',
      path: () => `/teaching/courses/${created.courseId}`,
    },
    {
      name: 'the course editor',
      audience: 'trainer',
      path: () => `/teaching/courses/${created.courseId}/edit`,
    },
    {
      name: 'the module editor',
      audience: 'trainer',
      path: () => `/teaching/courses/${created.courseId}/modules/${created.moduleId}`,
    },
    {
      name: 'the new session form',
      audience: 'trainer',
      path: () => `/teaching/courses/${created.courseId}/sessions/new`,
    },
    {
      name: 'a session',
      audience: 'trainer',
      path: () => `/teaching/sessions/${created.sessionId}`,
    },
  ])('has no serious violation on $name ($audience)', async ({ audience, path }) => {
    const { page } = audience === 'visitor' ? visitor : trainer;
    await visit(page, path());

    expect(await page.evaluate(() => document.documentElement.dir)).toBe(
      language === 'ar' ? 'rtl' : 'ltr',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has no serious violation with a confirmation dialog open', async () => {
    const { page } = trainer;
    await visit(page, `/teaching/sessions/${created.sessionId}`);
    await page.locator('.oris-actions button').first().click();
    // Once the opening animation is over: a half-transparent dialog has no contrast to measure.
    await page
      .locator('.mat-mdc-dialog-container.mdc-dialog--open:not(.mdc-dialog--opening)')
      .waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });
});
