import { seriousViolations } from './support/axe';
import {
  accessTokenOf,
  baseUrl,
  DEMO_ADMIN,
  type Browser,
  openBrowser,
  registerTrainee,
  signIn,
} from './support/browser';
import { waitForEmail } from './support/mail';

/** A call to the API as a signed-in person (or anonymously). */
async function api(path: string, init: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${baseUrl()}${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(init.token && { Authorization: `Bearer ${init.token}` }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status >= 300)
    throw new Error(`${path}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

describe('consent (law 09-08): withdrawal from the profile, confirmation at first sign-in', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a trainee withdraws consent to follow-up, sees it in the history, and gives it again', async () => {
    const { page } = browser;
    const { email, password } = await registerTrainee('Imane Tazi');
    await signIn(page, email, password);
    // A trainee lands on their learning; the consent is on the profile.
    await page.waitForURL(`${baseUrl()}/learning`);
    await page.getByRole('navigation').getByRole('link', { name: 'Mon profil' }).click();
    await page.waitForURL(`${baseUrl()}/profile`);
    await page.getByRole('heading', { level: 2, name: 'Suivi après la formation' }).waitFor();
    await page.getByText('Vous acceptez d’être suivi·e.').waitFor();

    await page.getByRole('button', { name: 'Retirer mon consentement au suivi' }).click();
    await page.getByRole('status').getByText('Votre choix a été enregistré.').waitFor();
    await page.getByText(/Vous avez retiré votre consentement au suivi/).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'modifié depuis mon profil' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'donné à l’inscription' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Accepter de nouveau le suivi' }).click();
    await page.getByText('Vous acceptez d’être suivi·e.').waitFor();
    expect(await page.getByRole('listitem').filter({ hasText: 'avec suivi' }).count()).toBe(2);
  });

  it('a person an administrator imported must confirm the consent recorded for them before using the app', async () => {
    // A browser of their own: the first one is still signed in as the other trainee.
    const imported = await openBrowser();
    try {
      await confirmAsImportedPerson(imported);
    } finally {
      await imported.close();
    }
  });
});

async function confirmAsImportedPerson({ page }: Browser): Promise<void> {
  const adminToken = await accessTokenOf(DEMO_ADMIN);
  const courses = await api('/api/v1/courses?pageSize=50');
  let sessionId: string | undefined;
  for (const course of courses.items as { id: string }[]) {
    const detail = await api(`/api/v1/courses/${course.id}`);
    sessionId = (detail.upcomingSessions as { id: string }[])[0]?.id;
    if (sessionId) break;
  }
  expect(sessionId).toBeDefined();
  const email = `e2e-imported-${Date.now()}@example.ma`;
  await api(`/api/v1/sessions/${sessionId}/enrollments/import?dryRun=false`, {
    token: adminToken,
    body: {
      csv: [
        'email,fullName,fullNameAr,gender,birthYear,regionCode,baselineSituation,educationLevel,completedOn',
        `${email},Youssef Amrani,,male,1995,MA-06,seeking,licence,`,
      ].join('\n'),
    },
  });
  // The imported person chooses a password through the emailed reset link.
  await api('/api/v1/auth/password/forgot', { body: { email } });
  const [, token] = await waitForEmail(email, /reset-password\?token=([\w-]+)/);
  await api('/api/v1/auth/password/reset', {
    body: { token, password: 'une phrase de passe importée' },
  });

  await signIn(page, email, 'une phrase de passe importée');
  await page.waitForURL((url) => url.pathname === '/consent');
  await page
    .getByRole('heading', { level: 1, name: 'Votre consentement, avant de continuer' })
    .waitFor();
  await page.getByText(/Votre compte a été créé pour vous par l’équipe ORIS/).waitFor();
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page)).toEqual([]);

  // No way around it: any other page comes back here.
  await page.goto(`${baseUrl()}/my-data`);
  await page.waitForURL((url) => url.pathname === '/consent');
  await page
    .getByRole('heading', { level: 1, name: 'Votre consentement, avant de continuer' })
    .waitFor();

  await page.getByRole('button', { name: 'J’accepte, sans le suivi' }).click();
  await page.waitForURL(`${baseUrl()}/my-data`);
  await page.getByRole('heading', { level: 1, name: 'Mes données' }).waitFor();
  await page.goto(`${baseUrl()}/profile`);
  await page.getByText(/Vous avez retiré votre consentement au suivi/).waitFor();
  await page.getByRole('listitem').filter({ hasText: 'recueilli par l’équipe ORIS' }).waitFor();
}
