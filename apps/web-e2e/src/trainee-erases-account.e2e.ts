import { readFile } from 'node:fs/promises';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, DEMO_PASSWORD, openBrowser, signIn } from './support/browser';

// From the demo data: learner02 completed ES-101's first cohort, whose certificates the seed
// issued. No other journey uses this person (the survey journey takes MI-110's completers, and
// an erased person leaves the officers' to-follow list), so erasing them disturbs none.
const LEARNER = 'learner02@oris.example';
const FULL_NAME = 'Hamza Berrada';

describe('a trainee erases their account (law 09-08 erasure right)', () => {
  let trainee: Browser;
  let verificationCode: string;

  beforeAll(async () => {
    trainee = await openBrowser();
  });

  afterAll(async () => {
    await trainee?.close();
  });

  it('sees their data in the export first, certificate included', async () => {
    const { page } = trainee;
    await signIn(page, LEARNER, DEMO_PASSWORD);
    await page.goto(`${baseUrl()}/my-data`);
    await page.getByRole('heading', { level: 1, name: 'Mes données' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger (JSON)' }).click(),
    ]);
    const data = JSON.parse(await readFile((await download.path()) ?? '', 'utf8'));
    expect(data.profile).toMatchObject({ email: LEARNER, fullName: FULL_NAME });
    expect(data.certificates.length).toBeGreaterThan(0);
    verificationCode = (data.certificates[0].verificationUrl as string).split('/verify/')[1];
    expect(verificationCode).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
  });

  it('erases the account after typing the password and confirming, and is signed out', async () => {
    const { page } = trainee;
    await page.getByRole('heading', { level: 2, name: 'Effacer mon compte' }).waitFor();
    await page.getByText('vos attestations restent vérifiables').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Mot de passe actuel').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Effacer mon compte' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Effacer définitivement votre compte ?' });
    await dialog.getByText('resteront vérifiables sans votre nom').waitFor();
    await dialog.getByRole('button', { name: 'Effacer définitivement' }).click();

    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByRole('status').getByText('Votre compte a été effacé').waitFor();
    await page
      .getByRole('button', { name: `Compte de ${FULL_NAME}` })
      .waitFor({ state: 'detached' });
  });

  it('cannot sign in again', async () => {
    const { page } = trainee;
    await page.getByLabel('Adresse e-mail').fill(LEARNER);
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('leaves the certificate verifiable, without the name', async () => {
    const { page } = trainee;
    await page.goto(`${baseUrl()}/verify/${verificationCode}`);
    await page.getByText('Certificat valide').waitFor();
    await page
      .getByText('Délivré à une personne qui a demandé l’effacement de ses données')
      .waitFor();
    expect(await page.getByText(FULL_NAME).count()).toBe(0);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
