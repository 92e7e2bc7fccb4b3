import { addDays, demoSessionTitle, todayInMorocco } from '@oris/shared/domain';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, registerTrainee, signIn } from './support/browser';
import { LAPTOP, chooseLanguage, resizeTo } from './support/screen';

// From the demo data (libs/api/catalogue and libs/api/enrollments seeds): DT-130's open session
// meets three days in a row at 10:00, at a venue and online, and no other journey enrolls in it;
// ES-101's open Fès cohort is full with a waitlist. The trainee is new,
// so the baseline questions are first asked from nothing, then taken over.
const COURSE_CODE = 'DT-130';
const SESSION_TITLE = 'Laboratoire territorial — Tétouan';
const ONLINE = 'https://meet.example.org/dt130';
const FULL_COURSE_CODE = 'ES-101';
// Named after the season it starts in, three weeks after the day the demo was seeded.
const FULL_SESSION = demoSessionTitle(
  'Cohorte {season} {year} — Fès',
  addDays(todayInMorocco(), 21),
  'fr',
);
const NBSP = '\u00a0';
const SIZES = [1366, 390] as const;

/** Opens a course page from the catalogue's search. */
async function openCourse(page: Page, code: string): Promise<void> {
  await page.goto(`${baseUrl()}/catalogue?q=${code}`);
  await page.locator('main article').first().getByRole('link').first().click();
  await page.locator('main h1').waitFor();
}

describe('a trainee: when and where to attend, and the waitlist', () => {
  let trainee: Browser;

  beforeAll(async () => {
    trainee = await openBrowser();
    const account = await registerTrainee('Salma Agenda');
    await signIn(trainee.page, account.email, account.password);
  });

  afterAll(async () => {
    await trainee?.close();
  });

  it('enrolls, then sees the meetings, the place and the online link in Mes formations', async () => {
    const { page } = trainee;
    await openCourse(page, COURSE_CODE);
    const row = page.getByRole('row').filter({ hasText: SESSION_TITLE });
    await row
      .getByRole('button', { name: `S’inscrire à la session «${NBSP}${SESSION_TITLE}${NBSP}»` })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'S’inscrire à la session' }).waitFor();
    // Never asked before: nothing is filled in, and nothing is sent unanswered.
    expect(await dialog.locator('.prefilled').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Confirmer mon inscription' }).click();
    await dialog.getByText('Ce champ est obligatoire.').first().waitFor();
    await dialog.getByRole('radio', { name: 'En recherche d’emploi' }).check();
    await dialog.getByRole('combobox', { name: 'Votre niveau d’études' }).click();
    await page.getByRole('option', { name: `Licence (bac${NBSP}+${NBSP}3)` }).click();
    await dialog.getByRole('button', { name: 'Confirmer mon inscription' }).click();
    await dialog.getByRole('heading', { name: 'Inscription confirmée' }).waitFor();
    await dialog.getByRole('link', { name: 'Voir mes formations' }).click();
    await page.waitForURL(`${baseUrl()}/learning`);

    const card = page.getByRole('article').filter({ hasText: SESSION_TITLE });
    const timetable = card.locator('oris-timetable');
    await timetable.getByRole('heading', { name: 'Séances' }).waitFor();
    // The heading comes first; the meetings once the timetable has loaded.
    await timetable.locator('ol.meetings li').first().waitFor();
    expect(await timetable.locator('ol.meetings li').count()).toBe(3);
    // The first meeting at its hour in Moroccan time, as this browser's time-zone data has it
    // (the seed writes 10:00 at +01:00; the offset Chromium applies on a given day may differ).
    const first = timetable.locator('ol.meetings li').first();
    const startsAt = (await first.locator('time').getAttribute('datetime')) as string;
    const hour = await page.evaluate(
      (instant) =>
        new Intl.DateTimeFormat('fr-MA', {
          timeStyle: 'short',
          timeZone: 'Africa/Casablanca',
        }).format(new Date(instant)),
      startsAt,
    );
    expect(new Date(startsAt).toISOString()).toMatch(/T09:00:00/);
    expect(await first.textContent()).toContain(hour);
    await timetable.getByText('Commune de Tétouan').waitFor();
    expect(
      await timetable
        .getByRole('link', { name: 'Rejoindre la séance en ligne' })
        .getAttribute('href'),
    ).toBe(ONLINE);

    // The session as a calendar file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      timetable.getByRole('button', { name: /Ajouter les séances de/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = await readFile((await download.path()) ?? '', 'utf8');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(ics.replace(/\r\n /g, '')).toContain(`URL:${ONLINE}`);
  });

  it('subscribes a calendar app with a private link that works without signing in', async () => {
    const { page } = trainee;
    const feed = page.locator('oris-calendar-feed-card');
    await feed.getByRole('button', { name: 'Créer mon lien d’abonnement' }).click();
    const link = feed.getByRole('textbox', { name: 'Lien d’abonnement' });
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/\/api\/v1\/calendar-feeds\/[\w-]{43}\.ics$/);
    // A calendar app has no cookie and no token: the link alone opens the feed.
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect((await response.text()).match(/BEGIN:VEVENT/g)).toHaveLength(3);

    for (const language of ['fr', 'ar'] as const) {
      await chooseLanguage(page, language);
      for (const width of SIZES) {
        // Narrowed from a laptop's width, the page is shown as a phone shows it: drawer closed.
        await resizeTo(page, { width, height: 900 });
        await page.locator('oris-timetable ol.meetings li').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          width,
        );
        await page.screenshot({
          path: `/tmp/oris-i14time-learning-${language}-${width}.png`,
          fullPage: true,
        });
      }
      expect(await seriousViolations(page)).toEqual([]);
    }
    await chooseLanguage(page, 'fr');
    await page.setViewportSize(LAPTOP);

    // Revoked, the link opens nothing any more.
    await feed.getByRole('button', { name: 'Révoquer le lien' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Révoquer le lien' }).click();
    await feed.getByText('Le lien est révoqué').waitFor();
    expect((await fetch(url)).status).toBe(404);
  });

  it('offers a full session’s waitlist, with the answers taken over, and gives the position', async () => {
    const { page } = trainee;
    const waitlistButton = `Rejoindre la liste d’attente de la session «${NBSP}${FULL_SESSION}${NBSP}»`;
    for (const language of ['ar', 'fr'] as const) {
      for (const width of SIZES) {
        await page.setViewportSize({ width, height: 900 });
        await openCourse(page, FULL_COURSE_CODE);
        await chooseLanguage(page, language);
        const row = page.locator('table.sessions tbody tr').filter({ hasText: FULL_SESSION });
        await row.locator('oris-enroll-action button').click();
        const dialog = page.getByRole('dialog');
        await dialog.locator('.full-notice').waitFor();
        await dialog.locator('.prefilled').waitFor();
        await page.screenshot({ path: `/tmp/oris-i14time-waitlist-${language}-${width}.png` });
        expect(await seriousViolations(page)).toEqual([]);
        await dialog.getByRole('button', { name: language === 'fr' ? 'Annuler' : 'إلغاء' }).click();
        await dialog.waitFor({ state: 'detached' });
      }
    }
    await page.setViewportSize(LAPTOP);
    const row = page.getByRole('row').filter({ hasText: FULL_SESSION });
    await row.getByRole('button', { name: waitlistButton }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Rejoindre la liste d’attente' }).waitFor();
    await dialog.getByText(/Cette session est complète/).waitFor();
    await dialog.getByText(/Nous avons repris vos réponses de votre inscription du/).waitFor();
    // The answers given an instant ago, to confirm as they are.
    expect(await dialog.getByRole('radio', { name: 'En recherche d’emploi' }).isChecked()).toBe(
      true,
    );
    await dialog.getByRole('button', { name: 'Rejoindre la liste d’attente' }).click();
    await dialog.getByRole('heading', { name: 'Vous êtes sur la liste d’attente' }).waitFor();
    expect(await dialog.locator('.outcome').textContent()).toMatch(/en position \d+ sur la liste/);
  });
});
