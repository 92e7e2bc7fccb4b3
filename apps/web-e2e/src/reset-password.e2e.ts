import { baseUrl, type Browser, openBrowser, registerTrainee, signIn } from './support/browser';
import { waitForEmail } from './support/mail';

describe('a trainee who forgot their password', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sets a new one through the emailed link and signs in with it', async () => {
    const { page } = browser;
    const { email } = await registerTrainee('Hajar Bennis');

    await page.goto(`${baseUrl()}/sign-in`);
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    // The sign-in form has an 'Adresse e-mail' field too, and stays until the lazy page arrives.
    await page.waitForURL(`${baseUrl()}/forgot-password`);
    await page.getByRole('button', { name: 'Envoyer le lien' }).waitFor();
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('button', { name: 'Envoyer le lien' }).click();
    await page.getByRole('status').filter({ hasText: email }).waitFor();

    const [link] = await waitForEmail(email, /https?:\/\/[^\s"<>]+\/reset-password\?token=[\w-]+/);
    await page.goto(link);
    await page
      .getByLabel('Nouveau mot de passe', { exact: true })
      .fill('une toute nouvelle phrase');
    await page.getByLabel('Confirmez le nouveau mot de passe').fill('une toute nouvelle phrase');
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Votre mot de passe a été modifié' })
      .waitFor();

    await signIn(page, email, 'une toute nouvelle phrase');
    // A trainee lands on their learning.
    await page.waitForURL(`${baseUrl()}/learning`);
    await page.getByRole('heading', { level: 1, name: 'Mes formations' }).waitFor();
  });
});
