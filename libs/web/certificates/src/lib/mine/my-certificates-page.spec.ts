import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH, AuthSession } from '@oris/web/core';
import { aCertificate, CODE, fakeApi, problem, settle } from '../testing';
import { MyCertificatesPage } from './my-certificates-page';

async function render(routes: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi(routes);
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([
        { path: 'certificates/mine', component: MyCertificatesPage },
        { path: 'verify/:code', children: [] },
      ]),
      { provide: API_FETCH, useValue: api.fetch },
      {
        provide: AuthSession,
        useValue: {
          user: () => null,
          accessToken: () => 'token-in-memory',
          refresh: async () => null,
        },
      },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl('/certificates/mine', MyCertificatesPage);
  await settle(harness);
  return { harness, element: harness.routeNativeElement as HTMLElement, calls: api.calls };
}

describe('MyCertificatesPage', () => {
  afterEach(() => jest.restoreAllMocks());

  it('lists each certificate with its course, serial, status and verification link', async () => {
    const { element } = await render({
      'GET /api/v1/me/certificates': () =>
        Response.json([
          aCertificate(),
          aCertificate({
            id: 'c2',
            serial: 'ORIS-2026-000124',
            courseTitle: 'Mesurer son impact social',
            status: 'revoked',
            revokedReason: 'issued_in_error',
          }),
        ]),
    });

    const cards = element.querySelectorAll('li.certificate');
    expect(cards).toHaveLength(2);
    expect(cards[0].textContent).toContain('Créer et gérer une coopérative');
    expect(cards[0].textContent).toContain('ORIS-2026-000123');
    expect(cards[0].textContent).toContain('certificates.status.valid');
    expect(cards[0].querySelector('a[href]')?.getAttribute('href')).toBe(`/verify/${CODE}`);
    expect(cards[1].textContent).toContain('certificates.status.revoked');
    expect(cards[1].textContent).toContain('certificates.revocationReasons.issued_in_error');
  });

  it('downloads the PDF with the bearer token and saves it under its serial', async () => {
    const created = jest.fn((_blob: Blob) => 'blob:certificate');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() });
    const clicks: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(`${this.download} ${this.href}`);
    });
    const { harness, element, calls } = await render({
      'GET /api/v1/me/certificates': () => Response.json([aCertificate()]),
      [`GET /api/v1/certificates/${aCertificate().id}/pdf`]: () =>
        new Response('%PDF-1.7', { headers: { 'Content-Type': 'application/pdf' } }),
    });

    element.querySelector<HTMLButtonElement>('li.certificate button')?.click();
    await settle(harness);

    const download = calls.find((call) => call.path.endsWith('/pdf'));
    expect(download?.authorization).toBe('Bearer token-in-memory');
    expect(created).toHaveBeenCalledTimes(1);
    expect(clicks).toEqual(['ORIS-2026-000123.pdf blob:certificate']);
  });

  it('downloads the signed badge (JSON) and offers the LinkedIn form of a valid certificate', async () => {
    const created = jest.fn((_blob: Blob) => 'blob:credential');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() });
    const clicks: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(`${this.download} ${this.href}`);
    });
    const { harness, element, calls } = await render({
      'GET /api/v1/me/certificates': () => Response.json([aCertificate()]),
      [`GET /api/v1/certificates/${aCertificate().id}/credential`]: () =>
        Response.json({ type: ['VerifiableCredential', 'OpenBadgeCredential'] }),
    });

    element.querySelector<HTMLButtonElement>('li.certificate button.download-credential')?.click();
    await settle(harness);

    const download = calls.find((call) => call.path.endsWith('/credential'));
    expect(download?.authorization).toBe('Bearer token-in-memory');
    expect(clicks).toEqual(['ORIS-2026-000123.credential.json blob:credential']);
    const linkedIn = new URL(
      element.querySelector<HTMLAnchorElement>('li.certificate a.linkedin')?.href ?? '',
    );
    expect(linkedIn.searchParams.get('certId')).toBe('ORIS-2026-000123');
    expect(linkedIn.searchParams.get('certUrl')).toBe(aCertificate().verificationUrl);
  });

  it('offers no LinkedIn link for a revoked certificate', async () => {
    const { element } = await render({
      'GET /api/v1/me/certificates': () =>
        Response.json([aCertificate({ status: 'revoked', revokedReason: 'fraud' })]),
    });

    expect(element.querySelector('li.certificate a.linkedin')).toBeNull();
  });

  it('offers no download while the PDF is being rendered', async () => {
    const { element } = await render({
      'GET /api/v1/me/certificates': () =>
        Response.json([aCertificate({ pdfState: 'pending', sha256: null })]),
    });

    expect(element.querySelector('li.certificate button')).toBeNull();
    expect(element.textContent).toContain('certificates.pdfState.pending');
  });

  it('says what went wrong when the PDF cannot be fetched', async () => {
    const { harness, element } = await render({
      'GET /api/v1/me/certificates': () => Response.json([aCertificate()]),
      [`GET /api/v1/certificates/${aCertificate().id}/pdf`]: () =>
        problem(409, 'certificate_not_rendered'),
    });

    element.querySelector<HTMLButtonElement>('li.certificate button')?.click();
    await settle(harness);

    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'certificates.problems.notRendered',
    );
  });

  it('says when there is no certificate yet', async () => {
    const { element } = await render({ 'GET /api/v1/me/certificates': () => Response.json([]) });

    expect(element.querySelector('.empty h2')?.textContent).toContain('certificates.mine.none');
  });
});
