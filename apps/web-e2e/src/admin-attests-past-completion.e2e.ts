import { seriousViolations } from './support/axe';
import {
  baseUrl,
  type Browser,
  openBrowser,
  signIn,
  signInThroughApi,
  DEMO_ADMIN,
} from './support/browser';

// From the demo data: PL-140's past "Session Rabat" (25 seats, ended about four weeks ago) is no
// other journey's. Each run enrolls a person of its own there, with no module done and no
// attendance: the records cannot show the course's rule met, so only an administrator's
// attestation completes them.
const COURSE_CODE = 'PL-140';
const SESSION_TITLE = 'Session Rabat';

async function call<T>(path: string, token: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A new person enrolled (confirmed, not completed) in the past session, through the API. */
async function aPastTrainee(fullName: string): Promise<{
  sessionId: string;
  endsOn: string;
  adminName: string;
}> {
  const { accessToken, user } = await signInThroughApi(DEMO_ADMIN);
  const courses = await call<{ items: { id: string; code: string }[] }>(
    `/api/v1/admin/courses?q=${COURSE_CODE}`,
    accessToken,
  );
  const course = courses.items.find((item) => item.code === COURSE_CODE);
  const sessions = await call<{ items: { id: string; title: string; endsOn: string }[] }>(
    `/api/v1/courses/${course?.id}/sessions?pageSize=100`,
    accessToken,
  );
  const session = sessions.items.find((item) => item.title === SESSION_TITLE);
  if (!session) throw new Error(`No session ${SESSION_TITLE}`);
  const email = `e2e-past-${Date.now()}@example.ma`;
  const csv = [
    'email,fullName,gender,birthYear,regionCode,baselineSituation,educationLevel',
    `${email},${fullName},female,1992,MA-04,seeking,licence`,
  ].join('\n');
  await call(`/api/v1/sessions/${session.id}/enrollments/import?dryRun=false`, accessToken, {
    method: 'POST',
    body: JSON.stringify({ csv }),
  });
  return { sessionId: session.id, endsOn: session.endsOn, adminName: user.fullName };
}

describe('an administrator recording a past cohort', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('attests the completion the records do not show, and the list says who attested it', async () => {
    const name = `Rim Tazi ${Date.now() % 100_000}`;
    const { sessionId, endsOn, adminName } = await aPastTrainee(name);
    const { page } = browser;
    await signIn(page, 'admin@oris.example');
    await page.goto(`${baseUrl()}/teaching/sessions/${sessionId}/enrollments`);
    const row = page.getByRole('row').filter({ hasText: name });
    await row.waitFor();

    await row.getByRole('button', { name: `Valider la réussite de ${name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/votre validation atteste la réussite/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByLabel('Date de réussite').fill(endsOn);
    await dialog.getByRole('button', { name: 'Valider la réussite' }).click();

    await row.getByText('Réussie', { exact: true }).waitFor();
    await row.getByText(`Attestée par ${adminName}`).waitFor();

    // Recorded: the server says the same after a reload.
    await page.reload();
    await page
      .getByRole('row')
      .filter({ hasText: name })
      .getByText(`Attestée par ${adminName}`)
      .waitFor();
  });
});
