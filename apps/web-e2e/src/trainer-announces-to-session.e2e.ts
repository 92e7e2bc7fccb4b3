import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { accessTokenOf, baseUrl, type Browser, openBrowser, signIn } from './support/browser';
import { chooseLanguage, LAPTOP, PHONE, resizeTo, type Language } from './support/screen';

const TRAINER = 'trainer@oris.example';
/** A demo learner of the running session (GP-201), in French; the seed left them two unread. */
const TRAINEE = 'learner05@oris.example';
const TITLE = `Salle 3 jeudi ${Date.now().toString(36)}`;

async function get<T>(token: string, path: string): Promise<T> {
  const answer = await fetch(`${baseUrl()}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!answer.ok) throw new Error(`GET ${path}: ${answer.status}`);
  return (await answer.json()) as T;
}

/** No serious axe violation and no sideways scroll; a screenshot to look at. */
async function check(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `/tmp/announcements-${name}.png`, fullPage: true });
}

describe('a trainer announces to a session; a trainee sees the unread count and reads it', () => {
  let trainer: Browser;
  let trainee: Browser;
  let sessionId: string;
  let traineeLanguage: string;

  beforeAll(async () => {
    const token = await accessTokenOf(TRAINEE);
    const enrollments = await get<{
      items: { status: string; session: { id: string; title: string } }[];
    }>(token, '/api/v1/me/enrollments?pageSize=100');
    const running = enrollments.items.find((item) => item.status === 'confirmed');
    if (!running) throw new Error(`${TRAINEE} holds no seat in a running session`);
    sessionId = running.session.id;
    trainer = await openBrowser();
    await signIn(trainer.page, TRAINER);
    await chooseLanguage(trainer.page, 'fr');
    trainee = await openBrowser();
    await signIn(trainee.page, TRAINEE);
    await trainee.page.locator('main h1').waitFor();
    traineeLanguage = await trainee.page.evaluate(() => document.documentElement.lang);
  });

  afterAll(async () => {
    if (trainee && (traineeLanguage === 'fr' || traineeLanguage === 'ar'))
      await chooseLanguage(trainee.page, traineeLanguage).catch(() => undefined);
    await trainer?.close();
    await trainee?.close();
  });

  it('posts an announcement from the session’s announcements tab', async () => {
    const { page } = trainer;
    await page.goto(`${baseUrl()}/teaching/sessions/${sessionId}`);
    await page.getByRole('link', { name: 'Annonces', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Annonces de la session' }).waitFor();
    await page.getByLabel('Titre').fill(TITLE);
    await page.getByLabel('Message').fill('La séance de jeudi aura lieu en **salle 3**.');
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.getByRole('heading', { level: 3, name: TITLE }).waitFor();
    expect(await page.locator('oris-announcement-list strong').first().textContent()).toBe(
      'salle 3',
    );
    await check(page, 'board-fr-1366');
    await resizeTo(page, PHONE);
    await check(page, 'board-fr-390');
    await resizeTo(page, LAPTOP);
  });

  for (const language of ['fr', 'ar'] as Language[]) {
    it(`shows the trainee the unread count and the announcement (${language}, 390 px)`, async () => {
      const { page } = trainee;
      await page.goto(`${baseUrl()}/learning`);
      await page.locator('main h1').waitFor();
      await chooseLanguage(page, language);
      await resizeTo(page, PHONE);
      const bell = page.locator('oris-notification-bell a');
      if (language === 'fr') {
        // The seed's two and the trainer's one.
        await page.waitForFunction(
          () =>
            document.querySelector('oris-notification-bell a')?.getAttribute('aria-label') ===
            '3 notifications non lues',
        );
      } else {
        // One was read in French: two left, worded in Arabic's dual.
        await page.waitForFunction(
          () =>
            document.querySelector('oris-notification-bell a')?.getAttribute('aria-label') ===
            'إشعاران غير مقروءين',
        );
      }
      await check(page, `learning-${language}-390`);
      await bell.click();
      await page.locator('main h1').waitFor();
      const item = page.locator('li.unread button', { hasText: TITLE });
      if (language === 'fr') {
        await check(page, `centre-${language}-390`);
        await item.click();
        await page.waitForURL((url) =>
          url.pathname.endsWith(`/sessions/${sessionId}/announcements`),
        );
        await page.getByRole('heading', { level: 3, name: TITLE }).waitFor();
        await check(page, `announcements-${language}-390`);
      } else {
        expect(await item.count()).toBe(0);
        await page.getByRole('button', { name: 'تعليم الكل كمقروء' }).click();
        await page.waitForFunction(
          () =>
            document.querySelector('oris-notification-bell a')?.getAttribute('aria-label') ===
            'لا توجد إشعارات غير مقروءة',
        );
        expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
        await check(page, `centre-${language}-390`);
      }
      await resizeTo(page, LAPTOP);
    });
  }
});
