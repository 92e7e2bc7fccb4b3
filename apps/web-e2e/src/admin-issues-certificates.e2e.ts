import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import {
  baseUrl,
  type Browser,
  openBrowser,
  signIn,
  DEMO_ADMIN,
  accessTokenOf,
} from './support/browser';
import { waitForEmail } from './support/mail';
import { chooseLanguage, untilInteractive } from './support/screen';

// From the demo data (libs/api/enrollments/src/seed/demo-enrollments.ts): COOP-120's past
// "Session Oujda" has four completers and no certificate yet; no other journey touches it.
const COURSE_CODE = 'COOP-120';
const SESSION_TITLE = 'Session Oujda';
const COMPLETERS = 4;
const NOTE = 'Nom du titulaire mal orthographié';
const NBSP = '\u00a0';

interface Person {
  id: string;
  fullName: string;
}

async function api<T>(path: string, token: string): Promise<T> {
  const response = await fetch(`${baseUrl()}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A certificate's public page, as the administrators' list gives it. */
async function verificationUrlOf(serial: string): Promise<string> {
  const page = await api<{ items: { serial: string; verificationUrl: string }[] }>(
    `/api/v1/certificates?q=${encodeURIComponent(serial)}`,
    await accessTokenOf(DEMO_ADMIN),
  );
  const certificate = page.items.find((item) => item.serial === serial);
  if (!certificate) throw new Error(`No certificate ${serial}`);
  // The API's public URL names the configured web address; the journey's server is elsewhere.
  return `${baseUrl()}/verify/${certificate.verificationUrl.split('/verify/')[1]}`;
}

/** One of the session's completers, with their email, as the administrator sees them. */
async function aCompleter(): Promise<{ fullName: string; email: string }> {
  const accessToken = await accessTokenOf(DEMO_ADMIN);
  const courses = await api<{ items: { id: string; code: string }[] }>(
    `/api/v1/admin/courses?q=${COURSE_CODE}`,
    accessToken,
  );
  const course = courses.items.find((item) => item.code === COURSE_CODE);
  const sessions = await api<{ items: { id: string; title: string }[] }>(
    `/api/v1/courses/${course?.id}/sessions?pageSize=100`,
    accessToken,
  );
  const session = sessions.items.find((item) => item.title === SESSION_TITLE);
  const completers = await api<{ items: { person: Person }[] }>(
    `/api/v1/sessions/${session?.id}/enrollments?status=completed&pageSize=100`,
    accessToken,
  );
  const { fullName, id } = completers.items[0].person;
  const users = await api<{ items: { id: string; email: string }[] }>(
    `/api/v1/users?q=${encodeURIComponent(fullName)}`,
    accessToken,
  );
  const email = users.items.find((user) => user.id === id)?.email;
  if (!email) throw new Error(`No email for ${fullName}`);
  return { fullName, email };
}

describe('an administrator issuing a session’s certificates', () => {
  let admin: Browser;
  let visitor: Browser;
  let trainee: Browser;
  let completer: { fullName: string; email: string };
  let verificationUrl: string;
  let serial: string;
  let pdfPath: string;
  let credentialJson: string;

  /** Drops a file on the verification page's badge zone, as a person dragging it there would. */
  async function dropCredential(page: Page, name: string, text: string): Promise<void> {
    const dataTransfer = await page.evaluateHandle(
      ([fileName, content]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([content], fileName, { type: 'application/json' }));
        return transfer;
      },
      [name, text] as const,
    );
    await page.getByTestId('credential-drop-zone').dispatchEvent('drop', { dataTransfer });
  }

  beforeAll(async () => {
    completer = await aCompleter();
    admin = await openBrowser();
    visitor = await openBrowser();
    trainee = await openBrowser();
  });

  afterAll(async () => {
    await Promise.all([admin?.close(), visitor?.close(), trainee?.close()]);
  });

  it('issues them from the web app and watches the progress bar reach 100 %', async () => {
    const { page } = admin;
    await signIn(page, 'admin@oris.example');
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Certificats', exact: true })
      .click();
    await page.waitForURL(`${baseUrl()}/certificates/admin`);
    await page.getByRole('heading', { level: 1, name: 'Certificats' }).waitFor();

    await page.getByRole('combobox', { name: 'Formation' }).click();
    await page.getByRole('option', { name: new RegExp(`^${COURSE_CODE}`) }).click();
    await page.getByRole('combobox', { name: 'Session', exact: true }).click();
    await page.getByRole('option', { name: new RegExp(SESSION_TITLE) }).click();
    const summary = page.locator('oris-session-issuance .summary');
    await summary.getByText(`Personnes ayant réussi${NBSP}: ${COMPLETERS}.`).waitFor();
    await summary.getByText(`Sans certificat${NBSP}: ${COMPLETERS}.`).waitFor();

    // Every new certificate is emailed: the count is confirmed first.
    await page.getByRole('button', { name: 'Émettre les certificats' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm
      .getByText(`Certificats à émettre${NBSP}: ${COMPLETERS}.`, { exact: false })
      .waitFor();
    await confirm.getByRole('button', { name: 'Émettre et envoyer' }).click();
    const bar = page.getByRole('progressbar', { name: 'Avancement de la délivrance' });
    await bar.waitFor();
    // The worker renders each PDF; the page asks for the progress every second.
    await page.waitForFunction(
      () =>
        document
          .querySelector('[aria-label="Avancement de la délivrance"]')
          ?.getAttribute('aria-valuenow') === '100',
      undefined,
      { timeout: 60_000 },
    );
    await page
      .locator('.counts')
      .getByText(`Générés${NBSP}: ${COMPLETERS} · Échecs${NBSP}: 0 · Total${NBSP}: ${COMPLETERS}`)
      .waitFor();
    await summary.getByText(`Sans certificat${NBSP}: 0.`).waitFor();

    // The list below follows: the session's certificates, all valid.
    const rows = page.locator('table.certificates tbody tr');
    await page.getByText(`Certificats trouvés${NBSP}: ${COMPLETERS}`).waitFor();
    expect(await rows.filter({ hasText: 'Valide' }).count()).toBe(COMPLETERS);
    const row = rows.filter({ hasText: completer.fullName });
    serial = ((await row.locator('td').first().textContent()) ?? '').trim();
    expect(serial).toMatch(/^ORIS-\d{4}-\d{6}$/);

    // Downloaded with the in-memory token, for the file check below.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: `Télécharger le PDF du certificat ${serial}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${serial}.pdf`);
    pdfPath = (await download.path()) ?? '';
    expect((await readFile(pdfPath)).subarray(0, 5).toString()).toBe('%PDF-');

    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('emails the trainee a link that shows the certificate valid', async () => {
    const [url] = await waitForEmail(
      completer.email,
      /http:\/\/127\.0\.0\.1:\d+\/verify\/[A-Za-z0-9_-]+/,
    );
    verificationUrl = url;

    const { page } = trainee;
    await signIn(page, completer.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Mes certificats' }).click();
    await page.locator('li.certificate').filter({ hasText: serial }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(verificationUrl);
    const verdict = page.locator('.verdict-region[role="status"]');
    await verdict.getByText('Certificat valide').waitFor();
    expect(await page.locator('.details').textContent()).toContain(completer.fullName);
    expect(await page.locator('.details').textContent()).toContain(serial);
  });

  it('lets the trainee download the badge (JSON) and add the certificate to LinkedIn', async () => {
    const { page } = trainee;
    await page.getByRole('navigation').getByRole('link', { name: 'Mes certificats' }).click();
    const card = page.locator('li.certificate').filter({ hasText: serial });
    await card.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card
        .getByRole('button', {
          name: `Télécharger le badge numérique Open Badges du certificat ${serial} (fichier JSON)`,
        })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${serial}.credential.json`);
    credentialJson = await readFile((await download.path()) ?? '', 'utf8');
    const credential = JSON.parse(credentialJson);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.proof.cryptosuite).toBe('eddsa-rdfc-2022');

    const linkedIn = card.getByRole('link', {
      name: `Ajouter le certificat ${serial} à votre profil LinkedIn (nouvel onglet)`,
    });
    const href = new URL((await linkedIn.getAttribute('href')) ?? '');
    expect(href.origin + href.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(href.searchParams.get('startTask')).toBe('CERTIFICATION_NAME');
    expect(href.searchParams.get('certId')).toBe(serial);
    expect(href.searchParams.get('certUrl')).toBe(verificationUrl);
    expect(href.searchParams.get('organizationName')).toBe('ORIS Academy');
  });

  it('tells a visitor that a dropped badge is authentic, and that a changed one is not', async () => {
    const { page } = visitor;
    await page.goto(`${baseUrl()}/verify`);
    // The page comes from the server: its drop zone handles a drop once the app runs (a file
    // dropped earlier is not kept, as on a browser-rendered page before its script).
    await untilInteractive(page);
    await dropCredential(page, `${serial}.credential.json`, credentialJson);
    await page
      .getByText('Badge authentique : signé par ORIS, non modifié et non révoqué.')
      .waitFor();

    const changed = JSON.parse(credentialJson);
    changed.credentialSubject.creditsEarned += 100;
    await page.locator('oris-credential-check input[type="file"]').setInputFiles({
      name: 'badge-modifie.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(changed)),
    });
    await page
      .getByText('Ce badge a été modifié après sa signature : il n’est pas authentique.')
      .waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('tells a visitor that the downloaded PDF is exactly the issued document', async () => {
    const { page } = visitor;
    await page.goto(verificationUrl);
    await page.locator('.verdict-region').getByText('Certificat valide').waitFor();

    await page.locator('oris-file-check input[type="file"]').setInputFiles(pdfPath);
    await page.getByText('Ce fichier est exactement le document délivré.').waitFor();

    await page.locator('oris-file-check input[type="file"]').setInputFiles({
      name: 'modifie.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([await readFile(pdfPath), Buffer.from('\n% altered\n')]),
    });
    await page.getByText(/Ce fichier ne correspond pas au document délivré/).waitFor();
  });

  it('revokes one with a reason from the list, and its verification page then shows the reason, not the note', async () => {
    const { page } = admin;
    const row = page.locator('table.certificates tbody tr').filter({ hasText: serial });
    await row.getByRole('button', { name: `Révoquer le certificat ${serial}` }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Révoquer' }).click();
    await dialog.getByText('Choisissez le motif.').waitFor();
    await dialog.getByRole('radio', { name: 'Délivré par erreur' }).check();
    await dialog.getByRole('textbox', { name: 'Note interne (facultative)' }).fill(NOTE);
    await dialog.getByRole('button', { name: 'Révoquer' }).click();
    await row.getByText('Révoqué', { exact: true }).waitFor();
    expect(await row.textContent()).toContain('Délivré par erreur');
    expect(await row.textContent()).toContain(NOTE);
    // The issuance panel above reads its certificates again: it shows the revocation too.
    await page
      .locator('table.completers tbody tr')
      .filter({ hasText: completer.fullName })
      .getByText('Révoqué', { exact: true })
      .waitFor();

    await visitor.page.goto(verificationUrl);
    const verdict = visitor.page.locator('.verdict-region[role="status"]');
    await verdict.getByText('Certificat révoqué').waitFor();
    expect(await verdict.textContent()).toContain(`Motif${NBSP}: Délivré par erreur`);
    expect(await verdict.textContent()).not.toContain('Certificat valide');
    expect(await visitor.page.locator('main').textContent()).not.toContain(NOTE);

    // The badge says so too: the status list the API publishes has its bit set.
    await dropCredential(visitor.page, `${serial}.credential.json`, credentialJson);
    await visitor.page
      .getByText('Ce badge a été révoqué par ORIS : il n’est plus valable.')
      .waitFor();
  });

  it('re-issues another one after a correction: a new serial, the old one says "replaced by"', async () => {
    const { page } = admin;
    const rows = page.locator('table.certificates tbody tr');
    const old = rows.filter({ hasText: 'Valide' }).first();
    const oldSerial = ((await old.locator('td').first().textContent()) ?? '').trim();
    await old.getByRole('button', { name: `Réémettre le certificat ${oldSerial}` }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText(`Réémettre le certificat ${oldSerial}${NBSP}?`).waitFor();
    await confirm.getByRole('button', { name: 'Réémettre' }).click();

    const replaced = rows.filter({ hasText: oldSerial });
    await replaced.getByText(/^Remplacé par ORIS-\d{4}-\d{6}$/).waitFor();
    const newSerial = /ORIS-\d{4}-\d{6}/.exec(
      (await replaced.locator('.reason').first().textContent()) ?? '',
    )?.[0];
    expect(newSerial).toBeDefined();
    expect(newSerial).not.toBe(oldSerial);
    await rows
      .filter({ hasText: newSerial as string })
      .getByText('Valide')
      .waitFor();

    // The old certificate's public page sends its reader to the new serial.
    const verification = await verificationUrlOf(oldSerial);
    await visitor.page.goto(verification);
    const verdict = visitor.page.locator('.verdict-region[role="status"]');
    await verdict.getByText('Certificat révoqué').waitFor();
    expect(await verdict.textContent()).toContain(`Remplacé par le certificat ${newSerial}`);
  });

  it('lets a visitor type a code from the menu, and says when no certificate has it', async () => {
    const { page } = visitor;
    await page.goto(`${baseUrl()}/catalogue`);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Vérifier un certificat' })
      .click();
    await page.waitForURL(`${baseUrl()}/verify`);
    await page
      .getByRole('textbox', { name: 'Code de vérification' })
      .fill('AAAAAAAAAAAAAAAAAAAAAA');
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await page.locator('.verdict-region').getByText('Certificat introuvable').waitFor();
  });

  it.each(['fr', 'ar'] as const)(
    'finds no serious accessibility violation on the verification page in %s',
    async (language) => {
      const { page } = visitor;
      await page.goto(verificationUrl);
      await page.locator('.verdict-region .verdict').waitFor();
      await chooseLanguage(page, language);
      await page.waitForLoadState('networkidle');

      expect(await page.evaluate(() => document.documentElement.dir)).toBe(
        language === 'ar' ? 'rtl' : 'ltr',
      );
      expect(await page.locator('.details [lang="ar"]').getAttribute('dir')).toBe('rtl');
      expect(await seriousViolations(page)).toEqual([]);
    },
  );
});
