import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, DEMO_ADMIN, accessTokenOf } from './support/browser';
import { waitForEmail } from './support/mail';
import { LAPTOP, chooseLanguage, resizeTo } from './support/screen';

// The demo's past "Classe virtuelle" (MI-110) ended about 190 days before today, so
// its completers' 6-month follow-ups fell due a few days ago, inside the 60-day grace: the demo
// seed replays the follow-up pass, which marks them due and writes each a survey link's email
// (libs/api/followups/src/seed); the worker sends them. Those still due got no other link.

interface QueuedFollowup {
  horizon: number;
  emailedAt: string | null;
  courseTitle: string;
  person: { fullName: string; email: string; locale: 'fr' | 'ar' | 'en' };
}

async function followups(token: string, status: string): Promise<QueuedFollowup[]> {
  const response = await fetch(`${baseUrl()}/api/v1/followups?status=${status}&pageSize=100`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`followups: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { items: QueuedFollowup[] }).items;
}

/** A follow-up the worker has emailed, once its first pass is through. */
async function anEmailedFollowup(token: string, timeoutMs = 60_000): Promise<QueuedFollowup> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const emailed = (await followups(token, 'due')).filter((item) => item.emailedAt !== null);
    // The last one: other journeys that answer follow-ups take them from the top of the queue.
    const chosen = emailed.at(-1);
    if (chosen) return chosen;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`No follow-up emailed within ${timeoutMs} ms`);
}

const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe('a trainee answering the follow-up survey from the emailed link', () => {
  let visitor: Browser;
  let token: string;
  let followup: QueuedFollowup;
  let link: string;
  let firstName: string;

  beforeAll(async () => {
    token = await accessTokenOf(DEMO_ADMIN);
    followup = await anEmailedFollowup(token);
    firstName = followup.person.fullName.trim().split(/\s+/)[0];
    const [url] = await waitForEmail(
      followup.person.email,
      /https?:\/\/[^\s"<>]+\/survey\/[A-Za-z0-9_-]{43}/,
    );
    link = url;
    visitor = await openBrowser();
  });

  afterAll(async () => {
    await visitor?.close();
  });

  it('opens the link without signing in, greeted by first name, about the training', async () => {
    const { page } = visitor;
    await page.goto(link);

    // In the person's language (their account's), then switched to French with the menu.
    await page.waitForFunction(
      (lang) => document.documentElement.lang === lang,
      followup.person.locale,
    );
    await chooseLanguage(page, 'fr');
    await page.getByRole('heading', { level: 1, name: `Bonjour ${firstName},` }).waitFor();
    // The title is isolated (U+2068 … U+2069) so that it keeps its order in Arabic.
    await page
      .getByText(`6 mois après votre formation « \u2068${followup.courseTitle}\u2069 »`)
      .waitFor();
    await page
      .getByRole('radiogroup', { name: 'Quelle est votre situation aujourd’hui ?' })
      .waitFor();
  });

  it.each(['fr', 'ar'] as const)(
    'has no serious accessibility violation in %s',
    async (language) => {
      const { page } = visitor;
      await chooseLanguage(page, language);
      // With the details of a salaried job open, the largest form the survey shows.
      await page.locator('mat-radio-button').first().locator('input').check();
      await page.locator('mat-radio-group').nth(1).waitFor();
      await page.waitForLoadState('networkidle');

      expect(await page.evaluate(() => document.documentElement.dir)).toBe(
        language === 'ar' ? 'rtl' : 'ltr',
      );
      expect(await seriousViolations(page)).toEqual([]);
    },
  );

  it('answers in French, is thanked, and finds the link spent on reload', async () => {
    const { page } = visitor;
    await chooseLanguage(page, 'fr');
    await page.getByLabel('J’ai un emploi salarié').check();
    await page.getByLabel('CDI (contrat à durée indéterminée)').check();
    await page.getByLabel('Nom de l’employeur').fill('Atlas Bio');
    await page.getByLabel('Secteur d’activité').fill('Agroalimentaire');
    await page.getByLabel('Poste occupé').fill('Technicienne qualité');
    await page.getByRole('combobox', { name: 'Région' }).click();
    await page.getByRole('option', { name: /Oriental/ }).click();
    await page.getByLabel('Depuis quand ?').fill(daysAgo(40));
    await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();

    await page.getByRole('heading', { level: 1, name: `Merci, ${firstName} !` }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ce lien n’est plus valable' }).waitFor();
    await page.getByText('contactez l’équipe ORIS qui vous a formé(e)').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const answered = await followups(token, 'answered');
    expect(answered.map((item) => item.person.email)).toContain(followup.person.email);
  });
});

describe('a trainee whose account is in Arabic, inactive and not looking for work', () => {
  let visitor: Browser;
  let followup: QueuedFollowup;
  let link: string;
  let firstName: string;

  beforeAll(async () => {
    // The next emailed follow-up (the journey above spent its own); its person reads Arabic.
    followup = await anEmailedFollowup(await accessTokenOf(DEMO_ADMIN));
    firstName = followup.person.fullName.trim().split(/\s+/)[0];
    const own = await accessTokenOf(followup.person.email);
    const updated = await fetch(`${baseUrl()}/api/v1/me`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${own}` },
      body: JSON.stringify({ locale: 'ar' }),
    });
    if (!updated.ok) throw new Error(`PATCH /me: ${updated.status}`);
    const [url] = await waitForEmail(
      followup.person.email,
      /https?:\/\/[^\s"<>]+\/survey\/[A-Za-z0-9_-]{43}/,
    );
    link = url;
    visitor = await openBrowser();
  });

  afterAll(async () => {
    await visitor?.close();
  });

  it('opens in Arabic without signing in, and looks right on a laptop and a phone in both languages', async () => {
    const { page } = visitor;
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: `مرحبًا ${firstName}،` }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

    for (const language of ['ar', 'fr'] as const) {
      await chooseLanguage(page, language);
      for (const [width, height] of [
        [1366, 900],
        [390, 844],
      ]) {
        // Narrowed from a laptop's width, the page is shown as a phone shows it: drawer closed.
        await resizeTo(page, { width, height });
        await page.locator('mat-radio-button').last().locator('input').check();
        await page.waitForLoadState('networkidle');
        // No horizontal scrolling: the form fits the screen.
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
        ).toBe(true);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({
          path: `/tmp/oris-survey-inactive-${language}-${width}.png`,
          fullPage: true,
        });
      }
    }
  });

  it('answers « I am not working and not looking for work » with one date, in Arabic', async () => {
    const { page } = visitor;
    // Back to a laptop: the previous test ended at a phone's width.
    await page.setViewportSize(LAPTOP);
    await chooseLanguage(page, 'ar');
    await page.getByLabel('لا أعمل ولا أبحث عن عمل').check();
    // The one-minute form: since when, nothing else (the region is the training's).
    expect(await page.locator('mat-form-field').count()).toBe(1);
    await page.getByLabel('منذ متى؟').fill(daysAgo(60));
    await page.getByRole('button', { name: 'إرسال جوابي' }).click();
    await page.getByRole('heading', { level: 1, name: `شكرًا، ${firstName}!` }).waitFor();

    const answered = await followups(await accessTokenOf(DEMO_ADMIN), 'answered');
    expect(answered.map((item) => item.person.email)).toContain(followup.person.email);
  });
});
