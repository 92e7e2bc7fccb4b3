import { addDays, demoSessionTitle, todayInMorocco } from '@oris/shared/domain';
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { type Browser, openBrowser, registerTrainee, signIn } from './support/browser';
import { LAPTOP, PHONE, chooseLanguage, visit } from './support/screen';

// From the demo data (libs/api/catalogue/src/seed): ES-101 has an open session with a venue and
// a planned one both in a place and online. The journey only looks at them: it enrolls nobody.
const COURSE_CODE = 'ES-101';
const COURSE_TITLE = 'Entrepreneuriat social : de l’idée au modèle économique';
// Named after the season it starts in, three weeks after the day the demo was seeded.
const OPEN_SESSION = demoSessionTitle(
  'Cohorte {season} {year} — Fès',
  addDays(todayInMorocco(), 21),
  'fr',
);
const OFFICER = 'officer@oris.example';

// The open session is full (its waitlist is seeded): its button offers the waitlist.
const ENROLL = {
  fr: /^Rejoindre la liste d’attente/,
  ar: /^الانضمام إلى لائحة انتظار/,
} as const;

/** How far the page reaches beyond the window's width: a phone user would have to scroll sideways. */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Whether the element lies wholly between the window's left and right edges. */
async function withinWidth(page: Page, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return box !== null && box.x >= 0 && box.x + box.width <= width;
}

/** The toolbar's controls all on screen, the page no wider than the phone. */
async function expectToFitThePhone(page: Page): Promise<void> {
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  // What the toolbar shows: its menus' panels open elsewhere, the spacer is empty.
  const toolbarItems = page.locator('header .toolbar > :is(a, button, oris-language-menu)');
  expect(await toolbarItems.count()).toBeGreaterThanOrEqual(3);
  for (const item of await toolbarItems.all()) {
    expect(await withinWidth(page, item)).toBe(true);
  }
}

/** The course page's session, as a card on a phone or a table row on a laptop. */
function sessionOf(page: Page, title: string): Locator {
  return page.locator('table.sessions tbody tr').filter({ hasText: title });
}

describe.each(['fr', 'ar'] as const)('on a phone, in %s', (language) => {
  let visitor: Browser;
  let trainee: Browser;
  let courseId = '';

  beforeAll(async () => {
    [visitor, trainee] = await Promise.all([openBrowser(), openBrowser()]);
    const account = await registerTrainee(`Salma Phone ${language}`);
    await signIn(trainee.page, account.email, account.password);
    for (const { page } of [visitor, trainee]) {
      await page.setViewportSize(PHONE);
      await visit(page, '/catalogue');
      await chooseLanguage(page, language);
    }
  });

  afterAll(async () => {
    await Promise.all([visitor?.close(), trainee?.close()]);
  });

  it('fits the catalogue, its filters and the header to the screen', async () => {
    const { page } = visitor;
    await visit(page, '/catalogue');

    await expectToFitThePhone(page);
    const search = page.getByRole('searchbox');
    expect(await withinWidth(page, search)).toBe(true);
    for (const field of await page.locator('.filters mat-form-field').all()) {
      expect(await withinWidth(page, field)).toBe(true);
    }
    await page.screenshot({ path: `/tmp/oris-phone-catalogue-${language}.png` });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows each session as a card with its seats, status and enroll button in view', async () => {
    const { page } = trainee;
    await visit(page, `/catalogue?q=${COURSE_CODE}`);
    await page.getByRole('article', { name: COURSE_TITLE }).getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: COURSE_TITLE }).waitFor();
    courseId = new URL(page.url()).pathname.split('/').pop() as string;

    const card = sessionOf(page, OPEN_SESSION);
    const enroll = card.getByRole('button', { name: ENROLL[language] });
    await enroll.waitFor();
    await page.waitForLoadState('networkidle');
    await expectToFitThePhone(page);

    // No column headers on show: each card carries its own words.
    const headers = await page.locator('table.sessions thead').boundingBox();
    expect(headers?.height).toBeLessThanOrEqual(1);
    for (const part of ['.seats', '.status oris-status-chip', '.dates', '.place-cell']) {
      const element = card.locator(part);
      await element.scrollIntoViewIfNeeded();
      expect(await element.isVisible()).toBe(true);
      expect(await withinWidth(page, element)).toBe(true);
    }
    await enroll.scrollIntoViewIfNeeded();
    expect(await withinWidth(page, enroll)).toBe(true);
    const box = await enroll.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= PHONE.height).toBe(true);

    await page.screenshot({ path: `/tmp/oris-phone-course-${language}.png`, fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Within reach, it does what it says: the enroll dialog opens (and is left unanswered).
    await enroll.click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('fits the course page to the screen for a visitor, with the sign-in link', async () => {
    const { page } = visitor;
    await visit(page, `/catalogue/${courseId}`);
    await sessionOf(page, OPEN_SESSION).waitFor();

    await expectToFitThePhone(page);
    await page.screenshot({ path: `/tmp/oris-phone-visitor-${language}.png` });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps the table on a laptop', async () => {
    const { page } = trainee;
    await page.setViewportSize(LAPTOP);
    try {
      await visit(page, `/catalogue/${courseId}`);
      const row = sessionOf(page, OPEN_SESSION);
      await row.getByRole('button', { name: ENROLL[language] }).waitFor();

      const header = await page.locator('table.sessions thead').boundingBox();
      expect(header?.height).toBeGreaterThan(20);
      // One line per session: the seats, the status and the button side by side.
      const tops = await Promise.all(
        ['.seats', '.status', '.action'].map(async (cell) =>
          Math.round((await row.locator(cell).boundingBox())?.y ?? -1),
        ),
      );
      expect(new Set(tops).size).toBe(1);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `/tmp/oris-laptop-course-${language}.png` });
    } finally {
      await page.setViewportSize(PHONE);
    }
  });
});

describe('the insertion dashboard on a phone', () => {
  let officer: Browser;
  let savedLanguage = '';

  beforeAll(async () => {
    officer = await openBrowser();
    await signIn(officer.page, OFFICER);
    await officer.page.locator('main h1').waitFor();
    savedLanguage = await officer.page.evaluate(() => document.documentElement.lang);
    await officer.page.setViewportSize(PHONE);
  });

  afterAll(async () => {
    try {
      // The demo officer's saved language is shared with the other journeys: put it back.
      if (officer && (savedLanguage === 'fr' || savedLanguage === 'ar')) {
        await officer.page.keyboard.press('Escape');
        await chooseLanguage(officer.page, savedLanguage);
      }
    } finally {
      await officer?.close();
    }
  });

  it.each(['fr', 'ar'] as const)('fits its filters to the screen in %s', async (language) => {
    const { page } = officer;
    await visit(page, '/insertion/dashboard');
    await chooseLanguage(page, language);
    await page.locator('[data-card="insertion.dashboard.cards.inserted"]').waitFor();
    await page.waitForLoadState('networkidle');

    await expectToFitThePhone(page);
    for (const field of await page.locator('.filters mat-form-field').all()) {
      expect(await withinWidth(page, field)).toBe(true);
    }
    await page.screenshot({ path: `/tmp/oris-phone-dashboard-${language}.png` });
    expect(await seriousViolations(page)).toEqual([]);
  });
});
