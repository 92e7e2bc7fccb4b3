import { addDays, demoSessionTitle, todayInMorocco } from '@oris/shared/domain';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn } from './support/browser';

// From the demo data: MI-110's past cohort, started 200 days before the demo was seeded and named
// after that season (40 seats, ten taken), is no other journey's, and administrators may enroll
// people in a past cohort.
const COURSE_CODE = 'MI-110';
const SESSION_TITLE = demoSessionTitle(
  'Classe virtuelle — {season} {year}',
  addDays(todayInMorocco(), -200),
  'fr',
);
const NBSP = '\u00a0';

const HEADER = 'email,fullName,gender,birthYear,regionCode,baselineSituation,educationLevel';

describe('an administrator', () => {
  let browser: Browser;
  const stamp = Date.now();
  const amina = `amina.benali.${stamp}@example.ma`;
  const yassir = `yassir.naciri.${stamp}@example.ma`;
  const csv = (yassirSituation: string) =>
    [
      HEADER,
      `${amina},Amina Benali,female,1994,MA-04,seeking,licence`,
      `${yassir},Yassir Naciri,male,1990,MA-06,${yassirSituation},master`,
    ].join('\n') + '\n';

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('checks a CSV with a bad row, fixes it and imports it whole', async () => {
    const { page } = browser;
    await signIn(page, 'admin@oris.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Import d’inscriptions' }).click();
    await page.waitForURL(`${baseUrl()}/admin/imports`);
    await page.getByRole('heading', { level: 1, name: 'Import d’inscriptions' }).waitFor();

    await page.getByRole('searchbox', { name: 'Rechercher une formation' }).fill(COURSE_CODE);
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.getByRole('combobox', { name: 'Formation' }).click();
    await page.getByRole('option', { name: new RegExp(`^${COURSE_CODE}`) }).click();
    await page.getByRole('combobox', { name: 'Session', exact: true }).click();
    await page.getByRole('option', { name: new RegExp(SESSION_TITLE) }).click();
    await page.getByText(`Session choisie${NBSP}: ${COURSE_CODE} — ${SESSION_TITLE}`).waitFor();

    const importButton = page.getByRole('button', { name: 'Importer', exact: true });
    const file = page.getByLabel('Fichier Excel ou CSV');
    await file.setInputFiles({
      name: 'cohorte.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv('retraité')),
    });
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();

    const problems = page.getByRole('table', { name: 'Problèmes par ligne' });
    await problems.waitFor();
    const problem = problems.getByRole('row').filter({ hasText: 'Situation à l’inscription' });
    expect(await problem.getByRole('rowheader').textContent()).toBe('3');
    const fine = problems.getByRole('row').filter({ hasText: 'Amina Benali' });
    expect(await fine.getByText('Aucun problème').count()).toBe(1);
    await page.locator('p.outcome-problem', { hasText: 'Rien n’a été importé' }).waitFor();
    expect(await importButton.isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await file.setInputFiles({
      name: 'cohorte-corrigee.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv('seeking')),
    });
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    const preview = page.getByRole('table', { name: 'Résultat par ligne' });
    await preview.waitFor();
    expect(await preview.getByRole('row').filter({ hasText: 'Nouveau compte' }).count()).toBe(2);
    expect(await importButton.isDisabled()).toBe(false);

    await importButton.click();
    await page.getByRole('heading', { level: 2, name: 'Import terminé' }).waitFor();
    await page.locator('p.outcome-done', { hasText: `Inscriptions importées${NBSP}: 2` }).waitFor();
    expect(await importButton.isDisabled()).toBe(true);

    // The session's enrollments list them now.
    await page.getByRole('link', { name: 'Voir les inscriptions de cette session' }).click();
    await page.getByRole('heading', { level: 1, name: `Inscriptions ${SESSION_TITLE}` }).waitFor();
    for (const name of ['Amina Benali', 'Yassir Naciri']) {
      await page.getByRole('row').filter({ hasText: name }).getByText('Confirmée').waitFor();
    }
  });
});
