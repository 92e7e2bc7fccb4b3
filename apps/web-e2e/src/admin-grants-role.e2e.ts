import { baseUrl, type Browser, openBrowser, registerTrainee, signIn } from './support/browser';

describe('an administrator', () => {
  let browser: Browser;
  const fullName = `Karim Berrada ${Date.now()}`;
  let email: string;

  beforeAll(async () => {
    ({ email } = await registerTrainee(fullName));
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('finds a trainee and grants them the trainer role', async () => {
    const { page } = browser;
    await signIn(page, 'admin@oris.example');

    await page.getByRole('navigation').getByRole('link', { name: 'Utilisateurs' }).click();
    await page.waitForURL(`${baseUrl()}/admin/users`);
    await page.getByRole('heading', { level: 1, name: 'Utilisateurs et rôles' }).waitFor();

    await page.getByRole('searchbox', { name: 'Rechercher' }).fill(email);
    await page.getByText('Comptes trouvés\u00a0: 1', { exact: true }).waitFor();
    const row = page.getByRole('row').filter({ hasText: email });
    expect(await row.locator('.roles li').allTextContents()).toEqual(['Apprenant']);

    await row.getByRole('button', { name: `Rôles de ${fullName}` }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Formateur' }).click();

    await row.locator('.roles li', { hasText: 'Formateur' }).waitFor();
    expect(await row.locator('.roles li').allTextContents()).toEqual(['Apprenant', 'Formateur']);

    // Saved: a fresh search shows it too.
    await page.reload();
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill(email);
    await page
      .getByRole('row')
      .filter({ hasText: email })
      .locator('.roles li', { hasText: 'Formateur' })
      .waitFor();
  });

  it('disables an account: the person, signed in elsewhere, is signed out', async () => {
    const person = await openBrowser();
    try {
      const personName = `Samir Idrissi ${Date.now()}`;
      const { email: personEmail, password } = await registerTrainee(personName);
      await signIn(person.page, personEmail, password);

      const { page } = browser;
      await page.getByRole('searchbox', { name: 'Rechercher' }).fill(personEmail);
      const row = page.getByRole('row').filter({ hasText: personEmail });
      await row.getByRole('button', { name: `Rôles de ${personName}` }).click();
      await page.getByRole('menuitem', { name: 'Désactiver le compte' }).click();
      await row.getByText('Désactivé', { exact: true }).waitFor();

      // Their session ended with the change: the next page that needs it asks them to sign in.
      await person.page.goto(`${baseUrl()}/learning`);
      await person.page.waitForURL((url) => url.pathname === '/sign-in');
    } finally {
      await person.close();
    }
  });

  it('is the only one to see the users page', async () => {
    const trainee = await openBrowser();
    try {
      const { email: traineeEmail, password } = await registerTrainee('Nora Alaoui');
      await signIn(trainee.page, traineeEmail, password);
      expect(
        await trainee.page
          .getByRole('navigation')
          .getByRole('link', { name: 'Utilisateurs' })
          .count(),
      ).toBe(0);
      await trainee.page.goto(`${baseUrl()}/admin/users`);
      await trainee.page.waitForURL(`${baseUrl()}/forbidden`);
      await trainee.page.getByRole('heading', { level: 1, name: 'Accès refusé' }).waitFor();
    } finally {
      await trainee.close();
    }
  });
});
