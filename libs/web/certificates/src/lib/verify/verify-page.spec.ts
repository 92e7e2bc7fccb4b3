import { File as NodeFile } from 'node:buffer';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH, LanguageService } from '@oris/web/core';
import { aVerification, CODE, fakeApi, problem, settle } from '../testing';
import { VerifyPage } from './verify-page';

// The strings these tests read, as apps/web/public/i18n words them.
const FR = {
  certificates: {
    verify: {
      revokedIn: 'Révoqué en {{month}}.',
      reasonLabel: 'Motif :',
      replacedBy:
        'Remplacé par le certificat {{serial}}, délivré à la même personne après une correction.',
    },
    fields: { completionMonth: 'Réussite en' },
    revocationReasons: { issued_in_error: 'Délivré par erreur', fraud: 'Fraude' },
    file: { chosen: 'Fichier : {{name}}' },
  },
};
const AR = {
  certificates: {
    verify: { revokedIn: 'أُلغيت في {{month}}.', reasonLabel: 'السبب:' },
    fields: { completionMonth: 'تاريخ النجاح' },
    revocationReasons: { issued_in_error: 'سُلّمت عن طريق الخطأ', fraud: 'غش' },
    file: { chosen: 'الملف: {{name}}' },
  },
};

async function render(
  url: string,
  routes: Parameters<typeof fakeApi>[0],
  language: 'fr' | 'ar' = 'fr',
) {
  const api = fakeApi(routes);
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: FR, ar: AR },
        translocoConfig: { availableLangs: ['fr', 'ar'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([
        { path: 'verify', component: VerifyPage },
        { path: 'verify/:code', component: VerifyPage },
      ]),
      { provide: API_FETCH, useValue: api.fetch },
    ],
  });
  if (language !== 'fr') await TestBed.inject(LanguageService).switchTo(language);
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url, VerifyPage);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const status = () => element.querySelector('[role="status"]')?.textContent ?? '';
  return { harness, element, status, calls: api.calls };
}

async function chooseFile(element: HTMLElement, bytes: string, name = 'certificat.pdf') {
  const input = element.querySelector<HTMLInputElement>(
    'oris-file-check input[type="file"]',
  ) as HTMLInputElement;
  // jsdom's File cannot be read (no arrayBuffer()); Node's can, like a browser's.
  const file = new NodeFile([bytes], name, { type: 'application/pdf' });
  Object.defineProperty(input, 'files', {
    value: { item: () => file, length: 1 },
    configurable: true,
  });
  input.dispatchEvent(new Event('change'));
}

describe('VerifyPage', () => {
  it('says a valid certificate was issued to a person who had their data erased, without a name', async () => {
    const { element, status } = await render(`/verify/${CODE}`, {
      [`GET /api/v1/verify/${CODE}`]: () =>
        Response.json(aVerification({ holderName: null, holderNameAr: null, holderErased: true })),
    });

    expect(status()).toContain('certificates.verify.valid');
    const details = element.querySelector('.details')?.textContent ?? '';
    expect(details).toContain('certificates.verify.holderErased');
    expect(details).not.toContain('Salma Bennani');
    expect(element.querySelector('.holder')).toBeNull();
    expect(details).toContain('Créer et gérer une coopérative');
  });

  it('announces a valid certificate with its holder, course, hours, month of completion and serial, and nothing more', async () => {
    const { element, status, calls } = await render(`/verify/${CODE}`, {
      [`GET /api/v1/verify/${CODE}`]: () => Response.json(aVerification()),
    });

    expect(calls.some((call) => call.path === `/api/v1/verify/${CODE}`)).toBe(true);
    expect(status()).toContain('certificates.verify.valid');
    const details = element.querySelector('.details')?.textContent ?? '';
    expect(details).toContain('Salma Bennani');
    expect(details).toContain('Créer et gérer une coopérative');
    expect(details).toContain('ORIS-2026-000123');
    expect(details).toContain('Réussite en');
    expect(details).toContain('septembre 2026');
    // No day, no region: the page shows what the API gives a verifier, and asks for nothing else.
    expect(details).not.toMatch(/\d{1,2} septembre/);
    expect(details).not.toContain('certificates.fields.region');
    expect(calls.map((call) => call.path)).toEqual([`/api/v1/verify/${CODE}`]);
  });

  it('writes the month of completion in Arabic on the Arabic page', async () => {
    const { element } = await render(
      `/verify/${CODE}`,
      { [`GET /api/v1/verify/${CODE}`]: () => Response.json(aVerification()) },
      'ar',
    );

    const details = element.querySelector('.details')?.textContent ?? '';
    expect(details).toContain('تاريخ النجاح');
    expect(details).toContain('شتنبر 2026');
  });

  it('marks the Arabic name as right-to-left Arabic', async () => {
    const { element } = await render(`/verify/${CODE}`, {
      [`GET /api/v1/verify/${CODE}`]: () => Response.json(aVerification()),
    });

    const arabic = element.querySelector('[lang="ar"]');
    expect(arabic?.textContent).toBe('سلمى بناني');
    expect(arabic?.getAttribute('dir')).toBe('rtl');
  });

  it('says a revoked certificate is revoked, with the month and the reason from the list, in French', async () => {
    const { status } = await render(`/verify/${CODE}`, {
      [`GET /api/v1/verify/${CODE}`]: () =>
        Response.json(
          aVerification({
            valid: false,
            status: 'revoked',
            revocationMonth: '2026-10',
            reason: 'issued_in_error',
          }),
        ),
    });

    expect(status()).toContain('certificates.verify.revoked');
    expect(status()).not.toContain('certificates.verify.valid');
    expect(status()).toContain('Révoqué en octobre 2026.');
    expect(status().replace(/\s+/g, ' ')).toContain('Motif : Délivré par erreur');
  });

  it('says a re-issued certificate was replaced, naming the new serial instead of a reason', async () => {
    const { status } = await render(`/verify/${CODE}`, {
      [`GET /api/v1/verify/${CODE}`]: () =>
        Response.json(
          aVerification({
            valid: false,
            status: 'revoked',
            revocationMonth: '2026-10',
            reason: 'replaced',
            replacedBy: 'ORIS-2026-000124',
          }),
        ),
    });

    expect(status()).toContain('certificates.verify.revoked');
    expect(status()).toContain(
      'Remplacé par le certificat ORIS-2026-000124, délivré à la même personne après une correction.',
    );
    expect(status()).not.toContain('Motif');
  });

  it('says the revocation and its reason in Arabic on the Arabic page', async () => {
    const { status } = await render(
      `/verify/${CODE}`,
      {
        [`GET /api/v1/verify/${CODE}`]: () =>
          Response.json(
            aVerification({
              valid: false,
              status: 'revoked',
              revocationMonth: '2026-10',
              reason: 'fraud',
            }),
          ),
      },
      'ar',
    );

    expect(status()).toContain('أُلغيت في أكتوبر 2026.');
    expect(status().replace(/\s+/g, ' ')).toContain('السبب: غش');
  });

  it('says so when no certificate has the code, without an error alert', async () => {
    const { element, status } = await render(`/verify/${CODE}`, {
      [`GET /api/v1/verify/${CODE}`]: () => problem(404, 'certificate_not_found'),
    });

    expect(status()).toContain('certificates.verify.notFound');
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(element.querySelector('.details')).toBeNull();
  });

  it('opens the page of a code typed or pasted as a link', async () => {
    const { harness, element } = await render('/verify', {
      [`GET /api/v1/verify/${CODE}`]: () => Response.json(aVerification()),
    });
    const input = element.querySelector<HTMLInputElement>('input[matInput]') as HTMLInputElement;
    input.value = `https://academy.oris.ma/verify/${CODE}`;
    input.dispatchEvent(new Event('input'));
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(harness);

    expect(TestBed.inject(Router).url).toBe(`/verify/${CODE}`);
  });

  it('refuses text that is not a code, and stays on the page', async () => {
    const { harness, element, calls } = await render('/verify', {});
    const input = element.querySelector<HTMLInputElement>('input[matInput]') as HTMLInputElement;
    input.value = 'bonjour';
    input.dispatchEvent(new Event('input'));
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(harness);

    expect(TestBed.inject(Router).url).toBe('/verify');
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'certificates.verify.codeInvalid',
    );
    expect(calls.filter((call) => call.path.startsWith('/api/v1/verify'))).toEqual([]);
  });

  it('sends a chosen PDF as is and says it is exactly the issued document', async () => {
    const { harness, element, calls } = await render(`/verify/${CODE}`, {
      [`GET /api/v1/verify/${CODE}`]: () => Response.json(aVerification()),
      [`POST /api/v1/verify/${CODE}/file`]: () => Response.json({ matches: true }),
    });

    await chooseFile(element, '%PDF-1.7 the bytes');
    await settle(harness);

    const upload = calls.find((call) => call.method === 'POST');
    expect(upload?.contentType).toBe('application/pdf');
    expect(upload?.body).toBe('%PDF-1.7 the bytes');
    expect(element.querySelector('.file-verdict')?.textContent).toContain(
      'certificates.file.matches',
    );
  });

  it('says when the PDF does not match', async () => {
    const { harness, element } = await render(`/verify/${CODE}`, {
      [`GET /api/v1/verify/${CODE}`]: () => Response.json(aVerification()),
      [`POST /api/v1/verify/${CODE}/file`]: () => Response.json({ matches: false }),
    });

    await chooseFile(element, '%PDF-1.7 altered');
    await settle(harness);

    const verdict = element.querySelector('.file-verdict')?.textContent ?? '';
    expect(verdict).toContain('certificates.file.differs');
    expect(verdict).not.toContain('certificates.file.matches');
  });

  it('does not send a file that is not a PDF', async () => {
    const { harness, element, calls } = await render(`/verify/${CODE}`, {
      [`GET /api/v1/verify/${CODE}`]: () => Response.json(aVerification()),
    });

    await chooseFile(element, 'GIF89a…', 'photo.pdf');
    await settle(harness);

    expect(calls.some((call) => call.method === 'POST')).toBe(false);
    expect(element.querySelector('.file-verdict')?.textContent).toContain(
      'certificates.file.notPdf',
    );
  });

  it('waits for the PDF to be rendered before offering the file check', async () => {
    const { element } = await render(`/verify/${CODE}`, {
      [`GET /api/v1/verify/${CODE}`]: () => Response.json(aVerification({ sha256: null })),
    });

    expect(element.querySelector('oris-file-check input[type="file"]')).toBeNull();
    expect(element.textContent).toContain('certificates.file.notYet');
  });

  describe('the badge (Open Badges credential) check', () => {
    async function chooseCredential(element: HTMLElement, text: string, name = 'badge.json') {
      const input = element.querySelector<HTMLInputElement>(
        'oris-credential-check input[type="file"]',
      ) as HTMLInputElement;
      const file = new NodeFile([text], name, { type: 'application/json' });
      Object.defineProperty(input, 'files', {
        value: { item: () => file, length: 1 },
        configurable: true,
      });
      input.dispatchEvent(new Event('change'));
    }
    const credential = { type: ['VerifiableCredential', 'OpenBadgeCredential'], name: 'Badge' };
    const verdict = (element: HTMLElement) =>
      element.querySelector('.credential-verdict')?.textContent ?? '';

    it.each([
      ['valid', 'certificates.credential.valid'],
      ['revoked', 'certificates.credential.revoked'],
      ['expired', 'certificates.credential.expired'],
      ['tampered', 'certificates.credential.tampered'],
      ['unknown_issuer', 'certificates.credential.unknown_issuer'],
    ])('posts a chosen credential as JSON and says it is %s', async (result, key) => {
      const { harness, element, calls } = await render('/verify', {
        'POST /api/v1/verify/credential': () =>
          Response.json({
            result,
            reason: null,
            credentialId: null,
            name: 'Badge',
            validFrom: null,
          }),
      });

      await chooseCredential(element, JSON.stringify(credential));
      await settle(harness);

      const post = calls.find((call) => call.path === '/api/v1/verify/credential');
      expect(post?.body).toEqual(credential);
      expect(verdict(element)).toContain(key);
    });

    it('does not send a file that is neither JSON nor a JWT', async () => {
      const { harness, element, calls } = await render('/verify', {});

      await chooseCredential(element, '%PDF-1.7 not json', 'certificat.pdf');
      await settle(harness);

      expect(calls.some((call) => call.path === '/api/v1/verify/credential')).toBe(false);
      expect(verdict(element)).toContain('certificates.credential.unreadable');
    });

    const JWT = 'eyJhbGciOiJFZERTQSJ9.eyJ0eXBlIjpbIlZlcmlmaWFibGVDcmVkZW50aWFsIl19.c2lnbmF0dXJl';
    const answer = (result: string) => () =>
      Response.json({ result, reason: null, credentialId: null, name: 'Badge', validFrom: null });

    it('posts a chosen .jwt file as { jwt }, its final newline aside', async () => {
      const { harness, element, calls } = await render('/verify', {
        'POST /api/v1/verify/credential': answer('valid'),
      });

      await chooseCredential(element, `${JWT}\n`, 'ORIS-2026-000123.credential.jwt');
      await settle(harness);

      const post = calls.find((call) => call.path === '/api/v1/verify/credential');
      expect(post?.body).toEqual({ jwt: JWT });
      expect(verdict(element)).toContain('certificates.credential.valid');
    });

    it('checks a pasted JWT, and forgets the file chosen before', async () => {
      const { harness, element, calls } = await render('/verify', {
        'POST /api/v1/verify/credential': answer('revoked'),
      });
      await chooseCredential(element, JSON.stringify(credential));
      await settle(harness);

      const paste = element.querySelector<HTMLTextAreaElement>(
        '[data-testid="credential-paste"]',
      ) as HTMLTextAreaElement;
      paste.value = `  ${JWT}  `;
      paste.dispatchEvent(new Event('input'));
      paste.form?.dispatchEvent(new Event('submit'));
      await settle(harness);

      const posts = calls.filter((call) => call.path === '/api/v1/verify/credential');
      expect(posts.map((call) => call.body)).toEqual([credential, { jwt: JWT }]);
      expect(verdict(element)).toContain('certificates.credential.revoked');
      expect(element.querySelector('oris-credential-check')?.textContent).not.toContain(
        'certificates.credential.chosen',
      );
    });

    it('is offered beside a certificate found by its code too', async () => {
      const { element } = await render(`/verify/${CODE}`, {
        [`GET /api/v1/verify/${CODE}`]: () => Response.json(aVerification()),
      });

      expect(
        element.querySelector('oris-credential-check [data-testid="credential-drop-zone"]'),
      ).not.toBeNull();
    });
  });

  it('asks for the holder’s name beside a typed serial, and shows the certificate found by both', async () => {
    const { harness, element, status, calls } = await render('/verify', {
      'POST /api/v1/verify/serial': () => Response.json(aVerification()),
    });
    const input = element.querySelector<HTMLInputElement>('input[matInput]') as HTMLInputElement;
    input.value = 'oris 2026 ١٢٣';
    input.dispatchEvent(new Event('input'));
    await settle(harness);
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(harness);

    // Without the name, nothing is asked of the API.
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'certificates.verify.holderNameMissing',
    );
    expect(calls.filter((call) => call.path.startsWith('/api/v1/verify'))).toEqual([]);

    const name = element.querySelector<HTMLInputElement>(
      'input[formcontrolname="holderName"]',
    ) as HTMLInputElement;
    name.value = 'Salma Bennani';
    name.dispatchEvent(new Event('input'));
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(harness);

    const lookup = calls.find((call) => call.path === '/api/v1/verify/serial');
    expect(lookup?.body).toEqual({ serial: 'ORIS-2026-000123', holderName: 'Salma Bennani' });
    expect(status()).toContain('certificates.verify.valid');
    expect(element.querySelector('.details')?.textContent).toContain('Salma Bennani');
    // The serial page has no code: the address stays /verify, and nothing names the code.
    expect(TestBed.inject(Router).url).toBe('/verify');
  });

  it('says a serial with another name matches nothing, in the serial’s words', async () => {
    const { harness, element, status } = await render('/verify', {
      'POST /api/v1/verify/serial': () => problem(404, 'certificate_not_found'),
    });
    const [code, ...rest] = Array.from(
      element.querySelectorAll<HTMLInputElement>('input[matInput]'),
    );
    expect(rest).toEqual([]);
    code.value = 'ORIS-2026-000123';
    code.dispatchEvent(new Event('input'));
    await settle(harness);
    const name = element.querySelector<HTMLInputElement>(
      'input[formcontrolname="holderName"]',
    ) as HTMLInputElement;
    name.value = 'Quelqu’un d’autre';
    name.dispatchEvent(new Event('input'));
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(harness);

    expect(status()).toContain('certificates.verify.notFoundBySerial');
    expect(element.querySelector('.details')).toBeNull();
  });

  it('finds the certificate from a PDF given without a code', async () => {
    const { harness, element, status, calls } = await render('/verify', {
      'POST /api/v1/verify/file': () => Response.json(aVerification()),
    });

    expect(element.textContent).toContain('certificates.file.lookupHeading');
    await chooseFile(element, '%PDF-1.7 the issued bytes');
    await settle(harness);

    const upload = calls.find((call) => call.path === '/api/v1/verify/file');
    expect(upload?.contentType).toBe('application/pdf');
    expect(upload?.body).toBe('%PDF-1.7 the issued bytes');
    expect(status()).toContain('certificates.verify.valid');
    expect(element.querySelector('.details')?.textContent).toContain('ORIS-2026-000123');
  });

  it('says when a PDF given without a code was never issued', async () => {
    const { harness, element } = await render('/verify', {
      'POST /api/v1/verify/file': () => problem(404, 'certificate_not_found'),
    });

    await chooseFile(element, '%PDF-1.7 altered');
    await settle(harness);

    expect(element.querySelector('.file-verdict')?.textContent).toContain(
      'certificates.file.unknown',
    );
    expect(element.querySelector('.details')).toBeNull();
    expect(element.querySelector('oris-problem-alert [role="alert"]')).toBeNull();
  });
});
