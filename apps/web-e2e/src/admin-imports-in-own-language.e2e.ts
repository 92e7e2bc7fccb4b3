import { addDays, demoSessionTitle, todayInMorocco } from '@oris/shared/domain';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';

/** What exceljs's typings call a buffer; a Node Buffer is what it reads at run time. */
type WorkbookBytes = Parameters<ExcelJS.Workbook['xlsx']['load']>[0];
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, signIn } from './support/browser';
import { LAPTOP, PHONE, chooseLanguage } from './support/screen';

// From the demo data: MI-110's past cohort "Classe virtuelle — automne dernier" has 40 seats and
// ten taken; the other import journey adds two people, this one two more.
const COURSE_CODE = 'MI-110';
// MI-110's past cohort, named after the season it started in, 200 days before the demo's seeding.
const SESSION_TITLE = demoSessionTitle(
  'Classe virtuelle — {season} {year}',
  addDays(todayInMorocco(), -200),
  'fr',
);

async function workbook(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Feuil1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function chooseSession(page: Page): Promise<void> {
  await page.getByRole('searchbox', { name: 'Rechercher une formation' }).fill(COURSE_CODE);
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await page.getByRole('combobox', { name: 'Formation' }).click();
  await page.getByRole('option', { name: new RegExp(`^${COURSE_CODE}`) }).click();
  await page.getByRole('combobox', { name: 'Session', exact: true }).click();
  await page.getByRole('option', { name: new RegExp(SESSION_TITLE) }).click();
}

describe('an administrator imports a workbook written in their own words', () => {
  let browser: Browser;
  const stamp = Date.now();
  const salma = `salma.alaoui.${stamp}@example.ma`;
  const omar = `omar.idrissi.${stamp}@example.ma`;
  const bad = `sans.region.${stamp}@example.ma`;

  beforeAll(async () => {
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('downloads a template in French, as Excel', async () => {
    const { page } = browser;
    await signIn(page, 'admin@oris.example');
    await page.goto(`${baseUrl()}/admin/imports`);
    await page.getByRole('heading', { level: 1, name: 'Import d’inscriptions' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger le modèle' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('oris-inscriptions-fr.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await readFile((await download.path()) ?? '')) as unknown as WorkbookBytes,
    );
    expect(book.worksheets[0].getRow(1).getCell(1).value).toBe('Adresse e-mail');
  });

  it('reads French labels, words the problems in French, and imports the valid rows only when asked', async () => {
    const { page } = browser;
    await chooseSession(page);
    const file = await workbook([
      [
        'Adresse e-mail',
        'Nom complet',
        'Genre',
        'Année de naissance',
        'Région',
        'Situation',
        'Niveau d’études',
      ],
      [salma, 'Salma Alaoui', 'Femme', 1992, 'Souss-Massa', 'salariée', 'Bac+2'],
      [bad, 'Sans Région', 'Homme', 1990, 'Atlantide', 'étudiant', 'Licence'],
      [omar, 'Omar Idrissi', 'Homme', 1988, 'Fès-Meknès', 'demandeur d’emploi', 'Master'],
    ]);
    await page.getByLabel('Fichier Excel ou CSV').setInputFiles({
      name: 'cohorte.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    const problems = page.getByRole('table', { name: 'Problèmes par ligne' });
    await problems.waitFor();
    const row = problems.getByRole('row').filter({ hasText: 'Sans Région' });
    expect(await row.getByRole('rowheader').textContent()).toBe('3');
    expect(await row.textContent()).toContain(
      'Région — une de ces valeurs : Tanger-Tétouan-Al Hoceïma',
    );
    // All or nothing stays the default.
    expect(await page.getByRole('button', { name: 'Importer', exact: true }).isDisabled()).toBe(
      true,
    );
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Importer les lignes valides (2)' }).click();
    const dialog = page.getByRole('alertdialog', {
      name: 'Importer seulement les lignes valides ?',
    });
    await dialog.getByRole('button', { name: 'Importer les lignes valides' }).click();
    await page.getByRole('heading', { level: 2, name: 'Import terminé' }).waitFor();
    await page.getByText(/Lignes non importées\s*: 1/).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger les lignes non importées' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('lignes-refusees.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await readFile((await download.path()) ?? '')) as unknown as WorkbookBytes,
    );
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(8).value).toBe('Erreurs');
    expect(sheet.getRow(2).getCell(1).value).toBe(bad);
    expect(String(sheet.getRow(2).getCell(8).value)).toContain('Région : une de ces valeurs');
    expect(sheet.rowCount).toBe(2);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each(['fr', 'ar'] as const)(
    'lays a checked file out on a laptop and a phone in %s',
    async (language) => {
      const { page } = browser;
      for (const [label, size] of [
        ['1366', LAPTOP],
        ['390', PHONE],
      ] as const) {
        await page.setViewportSize(size);
        await page.goto(`${baseUrl()}/admin/imports`);
        await page.locator('main h1').waitFor();
        await chooseLanguage(page, 'fr');
        await chooseSession(page);
        const file = await workbook([
          [
            'البريد الإلكتروني',
            'الاسم الكامل',
            'الجنس',
            'سنة الازدياد',
            'الجهة',
            'الوضعية',
            'المستوى الدراسي',
          ],
          [
            `a.${label}.${language}.${stamp}@example.ma`,
            'Amina Benali',
            'أنثى',
            1994,
            'سوس ماسة',
            'أجيرة',
            'الإجازة',
          ],
          [
            `b.${label}.${language}.${stamp}@example.ma`,
            'Yassir Naciri',
            'ذكر',
            1990,
            'الأطلس',
            'طالب',
            'ماستر',
          ],
        ]);
        await page.getByLabel('Fichier Excel ou CSV').setInputFiles({
          name: 'cohorte.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: file,
        });
        await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
        await page.locator('table.problems').waitFor();
        await chooseLanguage(page, language);
        await page.locator('button.import-valid-rows').waitFor();
        await page.waitForLoadState('networkidle');
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({
          path: `/tmp/i14import-imports-${language}-${label}.png`,
          fullPage: true,
        });
      }
      await chooseLanguage(page, 'fr');
      await page.setViewportSize({ width: 1280, height: 900 });
    },
  );
});
