import { baseUrl, type Browser, openBrowser } from './support/browser';

describe('a new trainee', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('registers, switches to Arabic (kept on the account) and signs out', async () => {
    const { page } = browser;
    const email = `salma.${Date.now()}@example.ma`;

    await page.goto(`${baseUrl()}/register`);
    await page.getByRole('heading', { level: 1, name: 'Créer votre compte' }).waitFor();
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill('un mot de passe assez long');
    await page.getByLabel('Nom complet', { exact: true }).fill('Salma Idrissi');
    await page.getByLabel('Nom complet en arabe (facultatif)').fill('سلمى الإدريسي');
    await page.getByRole('radio', { name: 'Femme' }).check();
    await page.getByLabel('Année de naissance').fill('1998');
    await page.getByRole('combobox', { name: 'Région' }).click();
    await page.getByRole('option', { name: 'Casablanca-Settat' }).click();
    await page.getByRole('checkbox', { name: /J'ai lu cette information/ }).check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();

    await page.waitForURL(`${baseUrl()}/profile`);
    await page.getByRole('heading', { level: 1, name: 'Mon profil' }).waitFor();
    await page.getByText(email, { exact: true }).waitFor();
    // A new account is asked to confirm its address (the link was emailed at registration).
    await page.getByRole('button', { name: 'Renvoyer le lien' }).waitFor();
    expect(await page.title()).toBe('Mon profil · ORIS Academy');

    await page.getByRole('button', { name: 'Langue : Français' }).click();
    await page.getByRole('menuitemradio', { name: 'العربية' }).click();

    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await page.getByRole('heading', { level: 1, name: 'ملفي الشخصي' }).waitFor();
    await page.getByLabel('الاسم الكامل', { exact: true }).waitFor();
    expect(await page.title()).toBe('ملفي الشخصي · أكاديمية ORIS');

    // The access token lives in memory only: a reload restores the session from the refresh
    // cookie, and the language chosen was saved on the account.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'ملفي الشخصي' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const stored = await page.evaluate(() =>
      JSON.stringify({ ...localStorage, ...sessionStorage, cookies: document.cookie }),
    );
    expect(stored).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);

    await page.getByRole('button', { name: 'حساب Salma Idrissi' }).click();
    await page.getByRole('menuitem', { name: 'تسجيل الخروج' }).click();

    await page.waitForURL(`${baseUrl()}/sign-in`);
    await page.getByRole('heading', { level: 1, name: 'تسجيل الدخول' }).waitFor();
    await page.goto(`${baseUrl()}/profile`);
    await page.waitForURL(/\/sign-in\?returnUrl=%2Fprofile$/);
  });
});
