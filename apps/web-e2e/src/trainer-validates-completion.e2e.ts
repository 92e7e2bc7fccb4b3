import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn } from './support/browser';
import { LAPTOP, chooseLanguage, resizeTo } from './support/screen';

// From the demo data (seeds in libs/api/catalogue and libs/api/enrollments): GP-201's running
// "Session Marrakech" started yesterday with a meeting each day at 9:00, requires every module
// and 75 % attendance; its five trainees have done 1, 2, 3, all 4 and 0 modules, and no
// attendance is recorded yet. No other journey touches this session. Its last meeting is still to
// come, so a validation now is early and needs the trainer's reason. COOP-120's open "Session
// Béni Mellal" has two requests awaiting approval: only looked at here.
const COURSE_TITLE = 'Ingénierie de projets à impact social';
const SESSION_TITLE = 'Session Marrakech';
const NOT_READY = 'Omar Idrissi';
const READY = 'Fatima Zahra Amrani';
const NBSP = '\u00a0';

async function sessionId(courseCode: string, title: string): Promise<string> {
  const courses = await (await fetch(`${baseUrl()}/api/v1/courses?q=${courseCode}`)).json();
  const course = courses.items.find((item: { code: string }) => item.code === courseCode);
  const sessions = await (
    await fetch(`${baseUrl()}/api/v1/courses/${course.id}/sessions?pageSize=100`)
  ).json();
  return sessions.items.find((item: { title: string }) => item.title === title).id;
}

describe('a trainer', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
    await signIn(browser.page, 'trainer@oris.example');
  });

  afterAll(async () => {
    // The demo trainer's saved language is shared with the other journeys.
    if (browser) await chooseLanguage(browser.page, 'fr');
    await browser?.close();
  });

  it('takes attendance, sees who meets the rule, and validates early with a reason', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('link', { name: 'Espace formateur' }).click();
    await page.getByRole('link', { name: COURSE_TITLE }).click();
    await page
      .getByRole('link', { name: `Inscriptions de «${NBSP}${SESSION_TITLE}${NBSP}»` })
      .click();
    await page.getByRole('heading', { level: 1, name: `Inscriptions ${SESSION_TITLE}` }).waitFor();
    await page.getByRole('row').filter({ hasText: NOT_READY }).waitFor();

    // Every meeting held so far (yesterday's, and today's once it has started).
    await page.getByRole('link', { name: 'Feuille de présence' }).click();
    await page.getByRole('heading', { level: 1, name: /Feuille de présence/ }).waitFor();
    const meeting = page.getByRole('combobox', { name: 'Séance' });
    const options = page.getByRole('listbox');
    await meeting.click();
    const held = await options
      .getByRole('option')
      .filter({ hasNotText: 'à venir' })
      .allTextContents();
    await page.keyboard.press('Escape');
    await options.waitFor({ state: 'detached' });
    expect(held.length).toBeGreaterThanOrEqual(1);
    for (const name of held) {
      await meeting.click();
      await options.getByRole('option', { name: name.trim() }).click();
      await options.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Tous présents' }).click();
      await page.getByRole('button', { name: 'Enregistrer la présence' }).click();
      await page.getByText(`Présence enregistrée. Présents${NBSP}: 5 sur 5.`).waitFor();
    }
    expect(await seriousViolations(page)).toEqual([]);
    const rate = page.locator('.checklist li').filter({ hasText: READY }).locator('.rate');
    expect((await rate.textContent())?.replace(/\s/g, ' ')).toContain('100 %');

    await page.getByRole('link', { name: 'Retour aux inscriptions' }).click();
    await page.getByRole('heading', { level: 1, name: `Inscriptions ${SESSION_TITLE}` }).waitFor();

    // Before anyone clicks: who meets the course's rule, who does not and why, and that the
    // session's last meeting is still to come.
    const readyCell = page.getByRole('row').filter({ hasText: READY }).locator('td.readiness');
    const notReadyCell = page
      .getByRole('row')
      .filter({ hasText: NOT_READY })
      .locator('td.readiness');
    await readyCell.getByText('Remplie', { exact: true }).waitFor();
    expect(await readyCell.textContent()).toContain('Avant la dernière séance');
    expect(await notReadyCell.locator('li').allTextContents()).toEqual([
      `modules obligatoires terminés${NBSP}: 1 sur 4`,
    ]);
    await page
      .locator('.readiness-summary')
      .getByText(/La dernière séance a lieu le/)
      .waitFor();
    for (const language of ['fr', 'ar'] as const) {
      for (const width of [1366, 390]) {
        await resizeTo(page, { width, height: 900 });
        await chooseLanguage(page, language);
        await page.locator('td.readiness').first().waitFor();
        await page.screenshot({
          path: `/tmp/oris-i14time-readiness-${language}-${width}.png`,
          fullPage: true,
        });
      }
    }
    await chooseLanguage(page, 'fr');
    await page.setViewportSize(LAPTOP);
    expect(await seriousViolations(page)).toEqual([]);

    // Only one module of four done: refused, with the figures (the reason the early validation
    // needs is given; the course's rule still decides).
    await page.getByRole('button', { name: `Valider la réussite de ${NOT_READY}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/La dernière séance de la session n’a pas encore eu lieu/).waitFor();
    await dialog
      .getByRole('textbox', { name: 'Motif de la validation anticipée' })
      .fill('Départ avant la fin de la session');
    await dialog.getByRole('button', { name: 'Valider la réussite' }).click();
    const refusal = page.locator('.refusal[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(
      `La réussite de ${NOT_READY} ne peut pas encore être validée`,
    );
    expect(await refusal.locator('li').allTextContents()).toEqual([
      `modules obligatoires terminés${NBSP}: 1 sur 4`,
    ]);
    const notReadyRow = page.getByRole('row').filter({ hasText: NOT_READY });
    expect(await notReadyRow.getByText('Confirmée').count()).toBe(1);

    // Every module and every meeting: validated, the row follows without a reload.
    const readyRow = page.getByRole('row').filter({ hasText: READY });
    await readyRow.getByRole('button', { name: `Valider la réussite de ${READY}` }).click();
    const early = page.getByRole('dialog');
    // Without a reason, nothing is sent: the dialog says what is missing.
    await early.getByRole('button', { name: 'Valider la réussite' }).click();
    await early.getByText('Indiquez le motif pour valider avant la dernière séance.').waitFor();
    // The message fades in: axe and the picture take it once shown in its own colours.
    await page.waitForFunction(() =>
      document.getAnimations().every((animation) => animation.playState !== 'running'),
    );
    await page.screenshot({ path: '/tmp/oris-i14time-early-dialog-fr-1366.png' });
    expect(await seriousViolations(page)).toEqual([]);
    await early
      .getByRole('textbox', { name: 'Motif de la validation anticipée' })
      .fill('Évaluation finale passée en avance');
    await early.getByRole('button', { name: 'Valider la réussite' }).click();
    await readyRow.getByText('Réussie', { exact: true }).waitFor();
    await page.getByText(`Réussite de ${READY} validée.`).waitFor();
    expect(await readyRow.getByRole('button', { name: /Valider la réussite/ }).count()).toBe(0);

    // Saved: the server says the same after a reload.
    await page.reload();
    await page
      .getByRole('row')
      .filter({ hasText: READY })
      .getByText('Réussie', { exact: true })
      .waitFor();
  });

  it.each(['fr', 'ar'] as const)(
    'finds no serious accessibility violation on the enrollments page in %s',
    async (language) => {
      const { page } = browser;
      const id = await sessionId('COOP-120', 'Session Béni Mellal');
      await page.goto(`${baseUrl()}/teaching/sessions/${id}/enrollments`);
      await page.locator('main h1').waitFor();
      await chooseLanguage(page, language);
      // The approval queue is part of what is checked.
      await page.locator('section[aria-labelledby="approval-queue-heading"] li').first().waitFor();
      await page.waitForLoadState('networkidle');

      expect(await page.evaluate(() => document.documentElement.dir)).toBe(
        language === 'ar' ? 'rtl' : 'ltr',
      );
      expect(await seriousViolations(page)).toEqual([]);
    },
  );
});
