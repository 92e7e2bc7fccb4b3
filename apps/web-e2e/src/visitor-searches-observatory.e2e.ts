import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser } from './support/browser';
import { chooseLanguage, LAPTOP, PHONE, resizeTo, untilInteractive } from './support/screen';

/** The demo publication (seeded and indexed by `seed:demo`): Arabic original, French translation. */
const FRENCH_TITLE = 'Coopératives et développement local dans la région Fès-Meknès';
const ARABIC_TITLE = 'التعاونيات والتنمية المحلية في جهة فاس مكناس';

/** The search results once drawn: their count line and the titles of the hits. */
async function resultTitles(page: Page): Promise<string[]> {
  await page.locator('.results .count').waitFor();
  await page.waitForLoadState('networkidle');
  return (await page.locator('.hits h2').allTextContents()).map((text) => text.trim());
}

/** No serious axe violation and no sideways scroll on this screen; a screenshot to look at. */
async function looksRight(page: Page, name: string): Promise<void> {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `/tmp/i17search-${name}.png`, fullPage: true });
}

describe('a visitor searching the observatory, in French and in Arabic, on a phone', () => {
  let visitor: Browser;

  beforeAll(async () => {
    visitor = await openBrowser();
  });

  afterAll(async () => {
    await visitor?.close();
  });

  it('finds a publication from the home page with a French query carrying a typo, then narrows it by type', async () => {
    const { page } = visitor;
    await page.goto(baseUrl());
    await page.locator('main h1').waitFor();
    await untilInteractive(page);
    await chooseLanguage(page, 'fr');
    await resizeTo(page, PHONE);
    await page.getByRole('searchbox', { name: 'Mots recherchés' }).fill('cooperatves');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/\/search\?q=cooperatves/);
    expect(await resultTitles(page)).toContain(FRENCH_TITLE);
    // The words that matched are marked, as written (accents kept).
    const hit = page.locator('.hit', { hasText: FRENCH_TITLE });
    expect(await hit.locator('h2 mark').allTextContents()).toEqual(['Coopératives']);
    await expect(hit.locator('.badge').textContent()).resolves.toContain('Publication');

    // Ticking a type puts it in the address; the count line agrees with the hits.
    await page.getByRole('checkbox', { name: /Publication/ }).check();
    await page.waitForURL(/type=publication/);
    expect(await resultTitles(page)).toContain(FRENCH_TITLE);
    expect(await page.locator('.results .count').textContent()).toMatch(/\d+ résultats?/);
    await looksRight(page, 'fr-390');

    // The address alone brings the same search back (shared link, reload).
    const address = page.url();
    await page.goto(address);
    expect(await resultTitles(page)).toContain(FRENCH_TITLE);
    expect(await page.getByRole('checkbox', { name: /Publication/ }).isChecked()).toBe(true);
  });

  it('finds the Arabic original from a query typed without its teh marbuta, right to left', async () => {
    const { page } = visitor;
    await chooseLanguage(page, 'ar');
    await page.goto(`${baseUrl()}/search`);
    await page.locator('main h1').waitFor();
    await untilInteractive(page);
    await resizeTo(page, PHONE);
    await page.getByRole('searchbox', { name: 'كلمات البحث' }).fill('التعاونيات والتنميه المحليه');
    await page.getByRole('button', { name: 'ابحث' }).click();
    expect(await resultTitles(page)).toContain(ARABIC_TITLE);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const marks = await page
      .locator('.hit', { hasText: ARABIC_TITLE })
      .locator('h2 mark')
      .allTextContents();
    expect(marks).toEqual(expect.arrayContaining(['التعاونيات', 'المحلية']));
    await looksRight(page, 'ar-390');

    await resizeTo(page, LAPTOP);
    await page.reload();
    expect(await resultTitles(page)).toContain(ARABIC_TITLE);
    await looksRight(page, 'ar-1366');
  });

  it('says so when nothing matches', async () => {
    const { page } = visitor;
    await page.goto(`${baseUrl()}/search?q=zzqqxxww`);
    await page.locator('.results .count').waitFor();
    await expect(page.locator('.empty').textContent()).resolves.toContain('لا توجد نتيجة');
    await chooseLanguage(page, 'fr');
  });
});
