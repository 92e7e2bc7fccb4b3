import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn, accessTokenOf } from './support/browser';
import { chooseLanguage } from './support/screen';

const OFFICER = 'officer@oris.example';
/**
 * A person counts once the horizon has passed since their completion. The demo's MI-110 cohort,
 * whose completers are the ones left to follow, completed about six and a half months ago, so the
 * journey reads the figures at T+6.
 */
const HORIZON_MONTHS = 6;
/**
 * The validation's commit notifies the worker, which rebuilds the indicator's rollup 1.5 s later
 * (well under a second on the demo data); its safety-net poll is minutes away, so a wait this
 * long only passes through the notification. Room left for a loaded machine.
 */
const ROLLUP_WAIT_MS = 60_000;
// A past cohort another journey issues, and may revoke, certificates for: not this one's person.
const OTHER_JOURNEY_SESSION = 'Session Oujda';

interface PersonToFollow {
  userId: string;
  fullName: string;
}

interface Situation {
  completions: { sessionTitle: string; startsOn: string; completedOn: string }[];
}

async function api<T>(path: string, token: string): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function addMonths(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

/**
 * A trainee to follow who already counts at the horizon, so that a validated job makes the
 * inserted figure move; with the day their job starts.
 */
async function aPersonWhoCounts(): Promise<{ person: PersonToFollow; startOn: string }> {
  const accessToken = await accessTokenOf(OFFICER);
  const toFollow = await api<{ items: PersonToFollow[] }>(
    '/api/v1/placements/to-follow?pageSize=100',
    accessToken,
  );
  const today = new Date().toISOString().slice(0, 10);
  for (const person of toFollow.items) {
    const situation = await api<Situation>(
      `/api/v1/people/${person.userId}/situation`,
      accessToken,
    );
    if (situation.completions.some((c) => c.sessionTitle === OTHER_JOURNEY_SESSION)) continue;
    // The earliest completion is the reference training: the job starts a month after it.
    const first = [...situation.completions].sort((a, b) =>
      a.completedOn.localeCompare(b.completedOn),
    )[0];
    if (addMonths(first.completedOn, HORIZON_MONTHS) > today) continue;
    return { person, startOn: addMonths(first.completedOn, 1) };
  }
  throw new Error(
    `The demo data has no trainee to follow who completed ${HORIZON_MONTHS} months ago`,
  );
}

/** A Material select is named by its label followed by the value it holds. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: new RegExp(`^${label}`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Opens the dashboard at the journey's horizon, chosen in the filters as a person would. */
async function openDashboard(page: Page, horizon = 'Horizon', months = '6 mois'): Promise<void> {
  await page.goto(`${baseUrl()}/insertion/dashboard`);
  await page.locator('[data-card="insertion.dashboard.cards.inserted"]').waitFor();
  await choose(page, horizon, months);
  await page
    .locator('.freshness')
    .getByText(`T+${HORIZON_MONTHS} `)
    .or(page.locator('.freshness').getByText(months))
    .waitFor();
  await page.waitForLoadState('networkidle');
}

/** The inserted headline figure, as digits (whatever the language groups them with). */
async function insertedFigure(page: Page): Promise<number> {
  const text = await page.locator('[data-card="insertion.dashboard.cards.inserted"]').textContent();
  return Number((text ?? '').replace(/\D/g, ''));
}

describe('a placement officer recording a trainee’s job', () => {
  let officer: Browser;
  let person: PersonToFollow;
  let startOn: string;
  let insertedBefore: number;
  let savedLanguage: string;

  beforeAll(async () => {
    ({ person, startOn } = await aPersonWhoCounts());
    officer = await openBrowser();
    await signIn(officer.page, OFFICER);
    // The account's saved language applies on sign-in; the journey starts in French.
    await officer.page.locator('main h1').waitFor();
    savedLanguage = await officer.page.evaluate(() => document.documentElement.lang);
    await chooseLanguage(officer.page, 'fr');
  });

  afterAll(async () => {
    // The demo officer's saved language is shared with the other journeys: put it back.
    if (officer && (savedLanguage === 'fr' || savedLanguage === 'ar')) {
      await chooseLanguage(officer.page, savedLanguage);
    }
    await officer?.close();
  });

  it('reads the inserted figure on the dashboard, which has no serious violation', async () => {
    const { page } = officer;
    await openDashboard(page);
    await page
      .getByRole('heading', { level: 1, name: 'Professionnels formés et insérés' })
      .waitFor();
    insertedBefore = await insertedFigure(page);

    expect(await seriousViolations(page)).toEqual([]);
  });

  it('finds the trainee among those to follow and opens their situation', async () => {
    const { page } = officer;
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Insertion', exact: true })
      .click();
    await page.waitForURL(`${baseUrl()}/insertion/to-follow`);
    await page.getByRole('heading', { level: 1, name: 'Personnes à suivre' }).waitFor();

    await page.getByRole('link', { name: person.fullName, exact: true }).click();
    await page.waitForURL(`${baseUrl()}/insertion/people/${person.userId}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(person.fullName) }).waitFor();
    await page.getByText('Aucune situation enregistrée pour l’instant.').waitFor();
  });

  it('records a wage job through the form, which has no serious violation', async () => {
    const { page } = officer;
    await page.getByRole('button', { name: 'Enregistrer une situation' }).click();
    await page.getByRole('heading', { level: 3, name: 'Nouvelle situation' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await choose(page, 'Situation', 'Emploi salarié');
    await choose(page, 'Type de contrat', 'CDD');
    await page.getByRole('radio', { name: 'Autre nom' }).check();
    await page
      .getByLabel('Nom de l’employeur ou de la structure')
      .fill('Coopérative Nour Oriental');
    await page.getByLabel('Secteur d’activité').fill('Économie sociale et solidaire');
    await page.getByLabel('Poste ou activité').fill('Chargée de projets');
    await page.getByLabel('Date de début').fill(startOn);
    await page.getByRole('button', { name: 'Enregistrer la situation' }).click();

    const placement = page.locator('article.placement').first();
    await placement.getByRole('heading', { name: /Emploi salarié/ }).waitFor();
    await placement.getByText('À valider').waitFor();
    await placement.getByText('Coopérative Nour Oriental').waitFor();
  });

  it('validates it, and the history says who recorded and who validated', async () => {
    const { page } = officer;
    const placement = page.locator('article.placement').first();
    await placement.getByRole('button', { name: 'Valider', exact: true }).click();
    await placement.getByText('Validée', { exact: true }).waitFor();
    expect(await placement.getByRole('button', { name: 'Valider', exact: true }).count()).toBe(0);

    await placement.getByRole('button', { name: 'Voir l’historique' }).click();
    const versions = placement.locator('oris-version-history tbody tr');
    await versions.nth(1).waitFor();
    expect(await versions.count()).toBe(2);
    expect(await versions.first().textContent()).toContain('Validée par');
  });

  it(
    'sees the inserted figure go up on the dashboard once the figures are consolidated',
    async () => {
      const { page } = officer;
      const deadline = Date.now() + ROLLUP_WAIT_MS;
      let inserted = insertedBefore;
      while (inserted <= insertedBefore && Date.now() < deadline) {
        await page.waitForTimeout(1_000);
        await openDashboard(page);
        inserted = await insertedFigure(page);
      }

      expect(inserted).toBeGreaterThan(insertedBefore);
    },
    ROLLUP_WAIT_MS + 30_000,
  );

  it('shows the dashboard right to left in Arabic, with no serious violation', async () => {
    const { page } = officer;
    await chooseLanguage(page, 'ar');
    await openDashboard(page, 'الأفق', '6 أشهر');
    await page.getByRole('heading', { level: 1, name: 'المهنيون المكوَّنون والمُدمَجون' }).waitFor();

    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await insertedFigure(page)).toBeGreaterThan(insertedBefore);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has no serious violation on the placement form in Arabic', async () => {
    const { page } = officer;
    await page.goto(`${baseUrl()}/insertion/people/${person.userId}`);
    await page.getByRole('button', { name: 'تسجيل وضعية' }).click();
    await page.getByRole('heading', { level: 3, name: 'وضعية جديدة' }).waitFor();

    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
