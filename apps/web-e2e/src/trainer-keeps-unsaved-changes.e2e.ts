import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn } from './support/browser';

// From the demo data (libs/api/catalogue/src/seed): the demo trainer owns GP-201, which has a
// running session. The journey types without saving and looks at the buttons: it changes nothing.
const COURSE_TITLE = 'Ingénierie de projets à impact social';
const SESSION_TITLE = 'Session Marrakech';
const NBSP = '\u00a0';

describe('a trainer editing a course', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
    await signIn(browser.page, 'trainer@oris.example');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('is asked before leaving typed changes, stays when they say so, and leaves when they confirm', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('link', { name: 'Espace formateur' }).click();
    await page.getByRole('link', { name: COURSE_TITLE }).click();
    await page.getByRole('link', { name: 'Modifier les informations' }).click();
    const title = page.getByRole('textbox', { name: 'Titre' });
    await title.waitFor();
    const editor = page.url();

    // Nothing typed: leaving asks nothing.
    await page.goBack();
    await page.getByRole('link', { name: 'Modifier les informations' }).click();
    await title.waitFor();
    await title.fill(`${COURSE_TITLE} (brouillon)`);

    await page.getByRole('navigation').getByRole('link', { name: 'Catalogue' }).first().click();
    const dialog = page.getByRole('alertdialog', { name: `Quitter sans enregistrer${NBSP}?` });
    await dialog.waitFor();
    // The harmless choice has the focus: Enter keeps the work.
    // (the dialog moves the focus once it has opened)
    await page.waitForFunction(
      () => document.activeElement?.textContent?.trim() === 'Rester sur la page',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Rester sur la page' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(page.url()).toBe(editor);
    expect(await title.inputValue()).toBe(`${COURSE_TITLE} (brouillon)`);

    // Closing the tab asks the browser's own question.
    const closing = new Promise<string>((resolve) =>
      page.once('dialog', (prompt) => {
        resolve(prompt.type());
        void prompt.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await closing).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);

    await page.getByRole('navigation').getByRole('link', { name: 'Catalogue' }).first().click();
    await dialog.getByRole('button', { name: 'Quitter sans enregistrer' }).click();
    await page.waitForURL(`${baseUrl()}/catalogue`);
  });

  it('shows cancelling a session as a secondary action that asks first', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('link', { name: 'Espace formateur' }).click();
    await page.getByRole('link', { name: COURSE_TITLE }).click();
    await page
      .getByRole('link', { name: new RegExp(`^${SESSION_TITLE}`) })
      .first()
      .click();
    const cancel = page.getByRole('button', { name: 'Annuler la session' });
    await cancel.waitFor();
    // Outlined, after the action that moves the session on (not the filled primary look).
    expect(await cancel.getAttribute('class')).toContain('mat-mdc-outlined-button');
    const actions = await cancel.evaluate((button) =>
      [...(button.parentElement?.querySelectorAll('button') ?? [])].map((each) => ({
        text: each.textContent?.trim(),
        filled: each.classList.contains('mat-mdc-unelevated-button'),
      })),
    );
    expect(actions).toEqual([
      { text: 'Clôturer la session', filled: true },
      { text: 'Annuler la session', filled: false },
    ]);

    await cancel.click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Retour' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await cancel.isVisible()).toBe(true);
  });
});
