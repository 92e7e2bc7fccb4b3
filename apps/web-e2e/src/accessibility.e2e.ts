import { seriousViolations } from './support/axe';
import { type Browser, openBrowser, registerTrainee, signIn } from './support/browser';
import { chooseLanguage, visit } from './support/screen';

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
