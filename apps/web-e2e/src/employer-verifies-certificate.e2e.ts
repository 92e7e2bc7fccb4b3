import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { baseUrl, type Browser, openBrowser, accessTokenOf, DEMO_ADMIN } from './support/browser';
import { LAPTOP, PHONE, chooseLanguage } from './support/screen';

// From the demo data (libs/api/certificates/src/seed): the seed issues the certificates of
// ES-101's first cohort and GP-201's past one. This journey only reads one of them, never one of
// learner02 (Hamza Berrada), whom another journey erases.
const ERASED_ELSEWHERE = 'Hamza Berrada';

interface Issued {
  id: string;
  serial: string;
  verificationCode: string;
  holderName: string;
  status: string;
  pdfState: string;
}

/** A seeded, rendered, valid certificate, its PDF and its badge as a VC-JWT, as its holder has them. */
async function aRenderedCertificate(): Promise<{ certificate: Issued; pdf: Buffer; jwt: string }> {
  const token = await accessTokenOf(DEMO_ADMIN);
  const headers = { Authorization: `Bearer ${token}` };
  // The worker renders the seed's certificates as the platform starts: wait for one.
  for (let attempt = 0; attempt < 120; attempt++) {
    const response = await fetch(`${baseUrl()}/api/v1/certificates?status=valid&pageSize=100`, {
      headers,
    });
    const { items } = (await response.json()) as { items: Issued[] };
    const certificate = items
      .filter((item) => item.pdfState === 'rendered' && item.holderName !== ERASED_ELSEWHERE)
      .sort((a, b) => a.serial.localeCompare(b.serial))[0];
    if (certificate) {
      const pdf = await fetch(`${baseUrl()}/api/v1/certificates/${certificate.id}/pdf`, {
        headers,
      });
      const jwt = await fetch(
        `${baseUrl()}/api/v1/certificates/${certificate.id}/credential?format=jwt`,
        { headers },
      );
      return {
        certificate,
        pdf: Buffer.from(await pdf.arrayBuffer()),
        jwt: await jwt.text(),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('no seeded certificate was rendered');
}

async function verifyPage(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/verify`);
  await page.locator('main h1').waitFor();
}

describe('an employer verifies a certificate they were shown', () => {
  let visitor: Browser;
  let certificate: Issued;
  let pdf: Buffer;
  let jwt: string;

  beforeAll(async () => {
    visitor = await openBrowser();
    ({ certificate, pdf, jwt } = await aRenderedCertificate());
  });

  afterAll(async () => {
    await visitor?.close();
  });

  it('prints codes without look-alike characters', () => {
    expect(certificate.verificationCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{30}$/);
  });

  it('finds it by the printed serial, with the holder’s name, typed as from paper', async () => {
    const { page } = visitor;
    await verifyPage(page);
    const field = page.getByRole('textbox', { name: 'Code de vérification ou numéro de série' });
    await field.fill(certificate.serial.toLowerCase().replace(/-/g, ' '));
    // The name is asked for only once the text reads as a serial.
    const name = page.getByRole('textbox', { name: 'Nom du titulaire, tel qu’imprimé' });
    await name.waitFor();
    await name.fill('Quelqu’un d’autre');
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await page.locator('.verdict-region').getByText('Certificat introuvable').waitFor();
    await page.getByText('Aucun certificat ne porte ce numéro de série avec ce nom.').waitFor();

    await name.fill(certificate.holderName.toUpperCase());
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await page.locator('.verdict-region').getByText('Certificat valide').waitFor();
    expect(await page.locator('.details').textContent()).toContain(certificate.serial);
    // The serial led to the certificate, not to its code: the address stays as it was.
    expect(page.url()).toBe(`${baseUrl()}/verify`);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('reads the code typed in lower case, in groups', async () => {
    const { page } = visitor;
    await verifyPage(page);
    const typed = certificate.verificationCode.toLowerCase().replace(/(.{5})(?!$)/g, '$1 ');
    await page
      .getByRole('textbox', { name: 'Code de vérification ou numéro de série' })
      .fill(typed);
    await page.getByRole('button', { name: 'Vérifier', exact: true }).click();
    await page.locator('.verdict-region').getByText('Certificat valide').waitFor();
    expect(await page.locator('.details').textContent()).toContain(certificate.serial);
  });

  it('finds it from the PDF alone, and says so when a file was never issued', async () => {
    const { page } = visitor;
    await verifyPage(page);
    await page.getByRole('heading', { level: 2, name: 'Vous n’avez que le PDF ?' }).waitFor();
    // The PDF's own input (the badge check beside it takes JSON files).
    const input = page.locator('input[type="file"][accept*="pdf"]');
    await input.setInputFiles({
      name: 'modifie.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([pdf, Buffer.from('\n% altered\n')]),
    });
    await page.getByText(/Aucun certificat n’a été délivré sous la forme de ce fichier/).waitFor();

    await input.setInputFiles({ name: 'certificat.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.locator('.verdict-region').getByText('Certificat valide').waitFor();
    expect(await page.locator('.details').textContent()).toContain(certificate.serial);
  });

  it('checks the badge as a VC-JWT, from its .jwt file or pasted, and sees a changed one is not authentic', async () => {
    const { page } = visitor;
    await verifyPage(page);
    await page.getByRole('heading', { level: 2, name: 'Vérifier un badge numérique' }).waitFor();
    const verdict = page.locator('oris-credential-check [role="status"]');
    await page.locator('oris-credential-check input[type="file"]').setInputFiles({
      name: `${certificate.serial}.credential.jwt`,
      mimeType: 'application/vc+jwt',
      buffer: Buffer.from(jwt),
    });
    await verdict
      .getByText('Badge authentique : signé par ORIS, non modifié et non révoqué.')
      .waitFor();
    await page.getByText(`Fichier : ${certificate.serial}.credential.jwt`).waitFor();

    // The same token with one statement changed, pasted.
    const [header, payload, signature] = jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    claims.credentialSubject.creditsEarned += 100;
    const changed = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const paste = page.getByRole('textbox', { name: 'Ou collez le badge (JWT ou JSON)' });
    await paste.fill(`${header}.${changed}.${signature}`);
    await page.getByRole('button', { name: 'Vérifier le texte collé' }).click();
    await verdict
      .getByText('Ce badge a été modifié après sa signature : il n’est pas authentique.')
      .waitFor();
    // By keyboard: the button after the text.
    await paste.fill(jwt);
    await paste.press('Tab');
    await page.keyboard.press('Enter');
    await verdict
      .getByText('Badge authentique : signé par ORIS, non modifié et non révoqué.')
      .waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each(['fr', 'ar'] as const)(
    'lays the verify page out on a laptop and a phone in %s, without serious accessibility violation',
    async (language) => {
      const { page } = visitor;
      for (const [label, size] of [
        ['1366', LAPTOP],
        ['390', PHONE],
      ] as const) {
        await page.setViewportSize(size);
        await verifyPage(page);
        await chooseLanguage(page, language);
        await page
          .getByRole('textbox', {
            name:
              language === 'ar'
                ? 'رمز التحقق أو الرقم التسلسلي'
                : 'Code de vérification ou numéro de série',
          })
          .fill(certificate.serial);
        await page.locator('.code-form mat-form-field').nth(1).waitFor();
        await page.waitForLoadState('networkidle');
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({
          path: `/tmp/i14import-verify-${language}-${label}.png`,
          fullPage: true,
        });
        await page.locator('oris-credential-check').scrollIntoViewIfNeeded();
        await page.screenshot({
          path: `/tmp/i15jwt-verify-${language}-${label}.png`,
          fullPage: true,
        });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    },
  );
});
