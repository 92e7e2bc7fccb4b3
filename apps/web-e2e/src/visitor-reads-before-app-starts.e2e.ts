import { baseUrl, type Browser, openBrowser } from './support/browser';
import { LAPTOP, PHONE } from './support/screen';

/**
 * A visitor's public page starts its app only when the visitor reaches for it
 * (libs/web/core/src/lib/ssr/schedule-app-start.ts): one who only reads never pays for it, and the
 * first tap or click starts it and still does what it was for.
 */
describe('a visitor who reads a public page before using it', () => {
  let visitor: Browser;

  beforeAll(async () => {
    visitor = await openBrowser();
  });

  afterAll(async () => {
    await visitor?.close();
  });

  const appStarted = () =>
    visitor.page.evaluate(() => ({
      interactive: document.documentElement.hasAttribute('data-interactive'),
      mainScript: document.querySelector('script[type="module"][src^="main-"]') !== null,
    }));

  it('reads it without the app starting, while its scripts and translations are fetched', async () => {
    const { page } = visitor;
    await page.setViewportSize(PHONE);
    const fetched: string[] = [];
    page.on('requestfinished', (request) => fetched.push(new URL(request.url()).pathname));

    await page.goto(`${baseUrl()}/catalogue`);
    await page.waitForLoadState('networkidle');

    expect(await appStarted()).toEqual({ interactive: false, mainScript: false });
    // The page is the server's, not yet hydrated: its elements still carry their event marks.
    expect(await page.locator('main [jsaction]').count()).toBeGreaterThan(0);
    expect(fetched).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/main-[A-Z0-9]+\.js$/), '/i18n/fr.json']),
    );
  });

  it('fetches the page’s own code ahead with the app’s, so that the first tap does not wait for it', async () => {
    const { page } = visitor;
    await page.setViewportSize(PHONE);
    await page.goto(`${baseUrl()}/catalogue`);
    await page.waitForLoadState('networkidle');

    // The catalogue page's component is in a chunk of its lazy route, which only the server
    // knows the page needs (routeChunks): it is among the files fetched once the page is painted.
    const withThePage = await page.evaluate(async () => {
      const hrefs = [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')];
      const texts = await Promise.all(hrefs.map((link) => fetch(link.href).then((r) => r.text())));
      return texts.filter((text) => text.includes('"oris-catalogue-page"')).length;
    });
    expect(withThePage).toBe(1);
    expect((await appStarted()).interactive).toBe(false);
  });

  it('starts the app at the first tap, which opens the menu it was meant for', async () => {
    const { page } = visitor;
    await page.setViewportSize(PHONE);
    await page.goto(`${baseUrl()}/catalogue`);
    await page.waitForLoadState('networkidle');
    expect((await appStarted()).interactive).toBe(false);

    await page.locator('oris-language-menu button').click();

    await page.getByRole('menuitemradio', { name: 'العربية' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    expect(await appStarted()).toEqual({ interactive: true, mainScript: true });
    // Back to French for the next journeys in this profile.
    await page.locator('oris-language-menu button').click();
    await page.getByRole('menuitemradio', { name: 'Français' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
  });

  it('shows the navigation on a wide screen before the app starts, with links that lead where they say', async () => {
    const { page } = visitor;
    await page.setViewportSize(LAPTOP);
    await page.goto(`${baseUrl()}/catalogue`);
    await page.waitForLoadState('networkidle');

    const link = page.getByRole('navigation').getByRole('link', { name: 'Vérifier un certificat' });
    expect(await link.isVisible()).toBe(true);
    expect((await appStarted()).interactive).toBe(false);

    await link.click();
    await page.waitForURL(`${baseUrl()}/verify`);
    await page.getByRole('heading', { level: 1, name: 'Vérifier un certificat' }).waitFor();
  });
});
