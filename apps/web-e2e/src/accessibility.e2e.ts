import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, registerTrainee, signIn } from './support/browser';

type Audience = 'visitor' | 'trainee' | 'admin';

const PAGES: { path: string; audience: Audience }[] = [
  { path: '/', audience: 'visitor' },
  { path: '/', audience: 'trainee' },
  { path: '/indicators', audience: 'visitor' },
  { path: '/sign-in', audience: 'visitor' },
  { path: '/register', audience: 'visitor' },
  { path: '/forgot-password', audience: 'visitor' },
  { path: '/reset-password?token=e2e-token-from-the-emailed-link', audience: 'visitor' },
  { path: '/reset-password', audience: 'visitor' },
  { path: '/no-such-page', audience: 'visitor' },
  { path: '/profile', audience: 'trainee' },
  { path: '/forbidden', audience: 'trainee' },
  { path: '/admin/overview', audience: 'admin' },
  { path: '/admin/users', audience: 'admin' },
  { path: '/admin/audit', audience: 'admin' },
];

/** Opens a page the way a person would land on it, once the app has settled. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl()}${path}`);
  await page.locator('main h1').waitFor();
  await page.waitForLoadState('networkidle');
}

/** Sets the language through the switch, as a person would (saved on the account if signed in). */
async function chooseLanguage(page: Page, language: 'fr' | 'ar'): Promise<void> {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current === language) return;
  await page.locator('oris-language-menu button').click();
  await page
    .getByRole('menuitemradio', { name: language === 'ar' ? 'العربية' : 'Français' })
    .click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

describe.each(['fr', 'ar'] as const)('accessibility in %s', (language) => {
  const browsers: Partial<Record<Audience, Browser>> = {};

  beforeAll(async () => {
    const trainee = await registerTrainee('Imane Chraibi');
    for (const audience of ['visitor', 'trainee', 'admin'] as const) {
      const browser = await openBrowser();
      browsers[audience] = browser;
      if (audience === 'trainee') await signIn(browser.page, trainee.email, trainee.password);
      if (audience === 'admin') await signIn(browser.page, 'admin@oris.example');
      await visit(browser.page, audience === 'visitor' ? '/sign-in' : '/profile');
      await chooseLanguage(browser.page, language);
    }
  });

  afterAll(async () => {
    const admin = browsers.admin;
    // The demo administrator's saved language is shared with the other journeys.
    if (admin) await chooseLanguage(admin.page, 'fr');
    await Promise.all(Object.values(browsers).map((browser) => browser.close()));
  });

  it.each(PAGES)('has no serious violation on $path ($audience)', async ({ path, audience }) => {
    const { page } = browsers[audience] as Browser;
    await visit(page, path);

    expect(await page.evaluate(() => document.documentElement.dir)).toBe(
      language === 'ar' ? 'rtl' : 'ltr',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has no serious violation with the role menu open on the users page', async () => {
    const { page } = browsers.admin as Browser;
    await visit(page, '/admin/users');
    await page.locator('td button').first().click();
    await page.getByRole('menu').waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });
});
