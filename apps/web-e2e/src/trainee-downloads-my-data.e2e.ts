import { readFile } from 'node:fs/promises';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn } from './support/browser';

// From the demo data: learner03 has enrollments from the seeds. The journey only reads (the
// export adds an audit event), so it does not disturb the journeys that use other learners.
const LEARNER = 'learner03@oris.example';
const FULL_NAME = 'Nadia Chraibi';

describe('a trainee downloads their data (law 09-08 access right)', () => {
  let trainee: Browser;

  beforeAll(async () => {
    trainee = await openBrowser();
  });

  afterAll(async () => {
    await trainee?.close();
  });

  it('opens "Mes données" from the account menu and saves the JSON export', async () => {
    const { page } = trainee;
    await signIn(page, LEARNER);
    await page.getByRole('button', { name: `Compte de ${FULL_NAME}` }).click();
    await page.getByRole('menuitem', { name: 'Mes données' }).click();
    await page.waitForURL(`${baseUrl()}/my-data`);
    await page.getByRole('heading', { level: 1, name: 'Mes données' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^oris-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(await readFile((await download.path()) ?? '', 'utf8'));
    expect(data.profile).toMatchObject({ email: LEARNER, fullName: FULL_NAME });
    expect(data.enrollments.length).toBeGreaterThan(0);
    expect(data.auditEvents).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'personal_data.exported' })]),
    );
    await page.getByRole('status').getByText('Fichier téléchargé.').waitFor();

    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('saves the readable HTML document, in French', async () => {
    const { page } = trainee;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger (document HTML)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^oris-my-data-\d{4}-\d{2}-\d{2}\.html$/);
    const html = await readFile((await download.path()) ?? '', 'utf8');
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain(FULL_NAME);
    expect(html).not.toContain('<script');
  });
});
