import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn } from './support/browser';
import { chooseLanguage, LAPTOP, PHONE, resizeTo, visit } from './support/screen';

// From the demo data (seeds in libs/api/catalogue and libs/api/enrollments): NUM-150's open
// session has no seeded enrollment, and learner11 takes no part in NUM-150. No other journey
// uses them.
const LEARNER = 'learner11@oris.example';
const COURSE_CODE = 'NUM-150';
const COURSE_TITLE = 'Inclusion numérique : accompagner les publics éloignés';
const SESSION_TITLE = 'Classe virtuelle — médiateurs';
const MODULES = [
  'Le diagnostic numérique',
  'Animer un atelier d’initiation',
  'Sécurité et données personnelles',
];
/** An open session the learner takes no part in, for the enroll dialog's accessibility check. */
const OTHER_COURSE_CODE = 'ESS-AR-160';
const NBSP = '\u00a0';
const UUID = '[0-9a-f-]{36}';

/** What the journey made, for the accessibility checks that follow it. */
const made = { enrollmentId: '', moduleId: '' };

/** The value of the course progress bar on the page, or in one part of it. */
async function progressOf(scope: Page | Locator): Promise<string | null> {
  return scope
    .getByRole('progressbar', { name: 'Progression dans la formation' })
    .getAttribute('aria-valuenow');
}

describe('a trainee learns', () => {
  let trainee: Browser;

  beforeAll(async () => {
    trainee = await openBrowser();
  });

  afterAll(async () => {
    await trainee?.close();
  });

  it('enrolls in an open session from the catalogue, answering the baseline questions', async () => {
    const { page } = trainee;
    await signIn(page, LEARNER);

    await page.getByRole('navigation').getByRole('link', { name: 'Catalogue' }).click();
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill(COURSE_CODE);
    await page.waitForURL((url) => url.searchParams.get('q') === COURSE_CODE);
    await page.getByRole('article', { name: COURSE_TITLE }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: COURSE_TITLE }).waitFor();

    const row = page.getByRole('row').filter({ hasText: SESSION_TITLE });
    await row
      .getByRole('button', { name: `S’inscrire à la session «${NBSP}${SESSION_TITLE}${NBSP}»` })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'S’inscrire à la session' }).waitFor();
    await dialog.getByRole('heading', { name: `Pourquoi ces deux questions${NBSP}?` }).waitFor();
    // Once open, the title has the focus, so the reason for the questions is read before them.
    await page.waitForFunction(
      () => document.activeElement?.textContent?.trim() === 'S’inscrire à la session',
    );
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');

    // The learner enrolled before (ES-101's past cohort): their last answers are taken over, to
    // confirm or correct (trainee-attends-and-waits checks the questions asked from nothing).
    await dialog.getByText(/Nous avons repris vos réponses de votre inscription du/).waitFor();

    await dialog.getByRole('radio', { name: 'En recherche d’emploi' }).check();
    await dialog.getByRole('combobox', { name: 'Votre niveau d’études' }).click();
    await page.getByRole('option', { name: `Licence (bac${NBSP}+${NBSP}3)` }).click();
    const enrolled = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && response.url().endsWith('/enrollments'),
    );
    await dialog.getByRole('button', { name: 'Confirmer mon inscription' }).click();
    const response = await enrolled;
    expect(response.request().headers()['idempotency-key']).toMatch(new RegExp(`^${UUID}$`));
    expect(response.status()).toBe(201);
    expect(await response.json()).toMatchObject({
      status: 'confirmed',
      baselineSituation: 'seeking',
      educationLevel: 'licence',
    });
    await dialog.getByRole('heading', { name: 'Inscription confirmée' }).waitFor();
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    // The row now says so, with the way to the course.
    await row.getByText('Vous êtes inscrit·e (Inscription confirmée)').waitFor();
    expect(await row.getByRole('button', { name: /S’inscrire/ }).count()).toBe(0);
    await row.getByRole('link', { name: 'Voir mes formations' }).click();
    await page.waitForURL(`${baseUrl()}/learning`);
  });

  it('follows the modules from My learning and sees the progress reach 100%', async () => {
    const { page } = trainee;
    await page.getByRole('heading', { level: 1, name: 'Mes formations' }).waitFor();
    const card = page.getByRole('article', { name: COURSE_TITLE });
    await card.getByText('Inscription confirmée').waitFor();
    // Exactly: the session's announcement-email switch names it too.
    await card.getByText(SESSION_TITLE, { exact: true }).waitFor();
    expect(await progressOf(card)).toBe('0');

    await card
      .getByRole('link', { name: `Suivre la formation «${NBSP}${COURSE_TITLE}${NBSP}»` })
      .click();
    await page.waitForURL(new RegExp(`/learning/${UUID}$`));
    made.enrollmentId = page.url().split('/').pop() as string;
    await page.getByRole('heading', { level: 1, name: COURSE_TITLE }).waitFor();
    const modules = page.locator('ol.modules > li');
    expect(await modules.locator('a').allTextContents()).toEqual(MODULES);
    expect(await progressOf(page)).toBe('0');

    await page.getByRole('link', { name: MODULES[0], exact: true }).click();
    await page.waitForURL(new RegExp(`/learning/${UUID}/modules/${UUID}$`));
    made.moduleId = page.url().split('/').pop() as string;

    const expected = ['33', '66', '100'];
    for (const [index, title] of MODULES.entries()) {
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText(`Module ${index + 1} sur ${MODULES.length}`).waitFor();
      await page.getByRole('button', { name: 'Marquer comme terminé' }).click();
      await page.getByRole('status').getByText('Module marqué comme terminé.').waitFor();
      // The bar moves at once, without reloading the page.
      expect(await progressOf(page)).toBe(expected[index]);
      if (index < MODULES.length - 1) {
        await page.getByRole('link', { name: `Module suivant ${MODULES[index + 1]}` }).click();
      }
    }

    await page.getByRole('link', { name: 'Retour au sommaire', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: COURSE_TITLE }).waitFor();
    expect(await progressOf(page)).toBe('100');
    expect(await modules.getByText('Terminé', { exact: true }).count()).toBe(MODULES.length);

    await page.getByRole('link', { name: 'Retour à mes formations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes formations' }).waitFor();
    expect(await progressOf(page.getByRole('article', { name: COURSE_TITLE }))).toBe('100');
  });
});

describe.each(['fr', 'ar'] as const)('accessibility of my learning in %s', (language) => {
  let trainee: Browser;

  beforeAll(async () => {
    trainee = await openBrowser();
    await signIn(trainee.page, LEARNER);
    await visit(trainee.page, '/learning');
    await chooseLanguage(trainee.page, language);
  });

  afterAll(async () => {
    try {
      // The learner's saved language would follow them into the next run's French journey.
      if (trainee) await chooseLanguage(trainee.page, 'fr');
    } finally {
      await trainee?.close();
    }
  });

  it('has no serious violation on a course page and its enroll dialog', async () => {
    const { page } = trainee;
    // The Arabic course's open session: the learner is not enrolled there, so it offers the button.
    await visit(page, `/catalogue?q=${OTHER_COURSE_CODE}`);
    await page.getByRole('article').getByRole('link').first().click();
    await page.locator('oris-enroll-action button').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('oris-enroll-action button').click();
    // Once the opening animation is over: a half-transparent dialog has no contrast to measure.
    await page
      .locator('.mat-mdc-dialog-container.mdc-dialog--open:not(.mdc-dialog--opening)')
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it.each([
    { name: 'my learning', shot: 'my-learning', path: () => '/learning' },
    { name: 'a course outline', shot: 'outline', path: () => `/learning/${made.enrollmentId}` },
    {
      name: 'the module viewer',
      shot: 'module',
      path: () => `/learning/${made.enrollmentId}/modules/${made.moduleId}`,
    },
  ])('has no serious violation on $name, and fits a phone and a laptop', async ({ shot, path }) => {
    // The pages are those of the journey above: without it there is nothing to check.
    expect(made.enrollmentId && made.moduleId).toBeTruthy();
    const { page } = trainee;
    await visit(page, path());

    expect(await page.evaluate(() => document.documentElement.dir)).toBe(
      language === 'ar' ? 'rtl' : 'ltr',
    );
    expect(await seriousViolations(page)).toEqual([]);

    for (const size of [PHONE, LAPTOP]) {
      await resizeTo(page, size);
      // Nothing wider than the screen: no sideways scrolling on a phone.
      expect(
        await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      ).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: `/tmp/oris-learns-${shot}-${language}-${size.width}.png`,
        fullPage: true,
      });
    }
  });
});
