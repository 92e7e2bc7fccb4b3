import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn } from './support/browser';
import { LAPTOP, PHONE, chooseLanguage, visit } from './support/screen';

const SIZES = { phone: PHONE, laptop: LAPTOP } as const;

const HEADING = {
  fr: 'Se former, être reconnu·e, trouver sa voie',
  ar: 'تعلّم، واحصل على الاعتراف، وجد طريقك',
};
const OVERVIEW = { fr: 'Vue d’ensemble', ar: 'نظرة عامة' };

/** How far the page reaches beyond the window's width: a phone user would scroll sideways. */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Every link and button of the page's content lies within the window's width. */
async function actionsOutOfView(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    return [...document.querySelectorAll('main a, main button')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && (box.left < -1 || box.right > width + 1);
      })
      .map((element) => element.textContent?.trim() ?? element.tagName);
  });
}

describe.each(['fr', 'ar'] as const)('the home page in %s', (language) => {
  let visitor: Browser;

  beforeAll(async () => {
    visitor = await openBrowser();
    await visit(visitor.page, '/');
    await chooseLanguage(visitor.page, language);
  });

  afterAll(async () => {
    await visitor?.close();
  });

  it.each(Object.keys(SIZES) as (keyof typeof SIZES)[])(
    'tells a visitor what ORIS offers, the next sessions, verification and the figures (%s)',
    async (size) => {
      const { page } = visitor;
      await page.setViewportSize(SIZES[size]);
      await visit(page, '/');
      await page.getByRole('heading', { level: 1, name: HEADING[language] }).waitFor();
      // The demo's open sessions, the soonest first, each leading to its course.
      const sessions = page.locator('.sessions .course-link');
      await sessions.first().waitFor();
      expect(await sessions.count()).toBeGreaterThanOrEqual(2);
      await page.locator('.verify-form input').waitFor();
      // The figures: the latest release, or in words that none is out yet; never a blank.
      const figures = page.locator('.figures');
      await figures.locator('.headline, .none').first().waitFor();
      expect((await figures.innerText()).trim().length).toBeGreaterThan(20);

      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      expect(await actionsOutOfView(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/oris-home-${size}-${language}.png`, fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
    },
  );

  it('opens a course from its next session', async () => {
    const { page } = visitor;
    await visit(page, '/');
    const first = page.locator('.sessions .course-link').first();
    const title = (await first.innerText()).trim();
    await first.click();
    await page.waitForURL((url) => /^\/catalogue\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  });

  it('says in words that text is not a certificate code, and sends a code to the verification page', async () => {
    const { page } = visitor;
    await visit(page, '/');
    const field = page.locator('.verify-form input');
    await field.fill('pas un code !');
    await page.locator('.verify-form button').click();
    await page.locator('#home-code-invalid').waitFor();

    await field.fill(`${baseUrl()}/verify/AAAAAAAAAAAAAAAAAAAAAAAA`);
    await page.locator('.verify-form button').click();
    await page.waitForURL(`${baseUrl()}/verify/AAAAAAAAAAAAAAAAAAAAAAAA`);
  });

  it.each(Object.keys(SIZES) as (keyof typeof SIZES)[])(
    'shows the public figures with no empty box (%s)',
    async (size) => {
      const { page } = visitor;
      await page.setViewportSize(SIZES[size]);
      await visit(page, '/indicators');
      await page.locator('.cards, .unreleased').first().waitFor();
      for (const card of await page.locator('.card').all()) {
        expect((await card.innerText()).trim().split('\n').length).toBeGreaterThanOrEqual(2);
      }
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({
        path: `/tmp/oris-indicators-${size}-${language}.png`,
        fullPage: true,
      });
      expect(await seriousViolations(page)).toEqual([]);
    },
  );
});

describe('after signing in, each role lands on its work', () => {
  it.each([
    ['trainee@oris.example', '/learning'],
    ['trainer@oris.example', '/teaching'],
    ['officer@oris.example', '/insertion/to-follow'],
  ])('%s lands on %s', async (email, landing) => {
    const browser = await openBrowser();
    try {
      await signIn(browser.page, email);
      await browser.page.waitForURL(`${baseUrl()}${landing}`);
      await browser.page.locator('main h1').waitFor();
      // The home page stays theirs too, with the way back to their work.
      await visit(browser.page, '/');
      await browser.page.locator('.actions a').first().click();
      await browser.page.waitForURL(`${baseUrl()}${landing}`);
    } finally {
      await browser.close();
    }
  });

  it('goes back to the page asked for rather than the landing', async () => {
    const browser = await openBrowser();
    try {
      await browser.page.goto(`${baseUrl()}/certificates/mine`);
      await browser.page.waitForURL((url) => url.pathname === '/sign-in');
      await browser.page.getByLabel('Adresse e-mail').fill('trainee@oris.example');
      await browser.page.getByLabel('Mot de passe').fill('oris-demo-2026');
      await browser.page.getByRole('button', { name: 'Se connecter' }).click();
      await browser.page.waitForURL(`${baseUrl()}/certificates/mine`);
    } finally {
      await browser.close();
    }
  });
});

describe('the administrators’ overview', () => {
  let admin: Browser;

  beforeAll(async () => {
    admin = await openBrowser();
    await signIn(admin.page, 'admin@oris.example');
  });

  afterAll(async () => {
    try {
      // The demo administrator's saved language is shared with the other journeys.
      if (admin) await chooseLanguage(admin.page, 'fr');
    } finally {
      await admin?.close();
    }
  });

  it('is where an administrator lands, with what waits for them', async () => {
    const { page } = admin;
    await page.waitForURL(`${baseUrl()}/admin/overview`);
    await page.getByRole('heading', { level: 1, name: OVERVIEW.fr }).waitFor();
    // The demo: COOP-120's open session holds requests awaiting approval, and the first
    // cohort's 12-month follow-ups are overdue (other journeys may have added some).
    const count = async (id: string) =>
      Number((await page.locator(`[data-attention="${id}"] .item-count`).innerText()).trim());
    expect(await count('approvals')).toBeGreaterThanOrEqual(2);
    expect(await count('followups')).toBeGreaterThanOrEqual(1);
    expect(await count('renders')).toBe(0);
    const approvals = page.locator('[data-attention="approvals"]');

    await approvals.getByRole('link').click();
    await page.waitForURL((url) =>
      /^\/teaching\/sessions\/[0-9a-f-]{36}\/enrollments$/.test(url.pathname),
    );
    await page.locator('main h1').waitFor();
  });

  it.each(['fr', 'ar'] as const)('fits a laptop and a phone in %s', async (language) => {
    const { page } = admin;
    await visit(page, '/admin/overview');
    await chooseLanguage(page, language);
    for (const [size, viewport] of Object.entries(SIZES)) {
      // Opened at that size, as on that device (the drawer closed on a phone).
      await page.setViewportSize(viewport);
      await visit(page, '/admin/overview');
      await page.getByRole('heading', { level: 1, name: OVERVIEW[language] }).waitFor();
      await page.locator('[data-attention]').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      expect(await actionsOutOfView(page)).toEqual([]);
      await page.screenshot({
        path: `/tmp/oris-overview-${size}-${language}.png`,
        fullPage: true,
      });
      expect(await seriousViolations(page)).toEqual([]);
    }
    await page.setViewportSize(LAPTOP);
  });
});
