import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { ConfirmDialog, type ConfirmRequest } from '@oris/web/ui/dialogs';
import { of } from 'rxjs';
import type { BatchJob, Certificate } from '../shared/certificate-types';
import {
  aCertificate,
  aCompleter,
  COURSE_ID,
  fakeApi,
  pageOf,
  SESSION_ID,
  settle,
} from '../testing';
import { AdminCertificatesPage } from './admin-certificates-page';
import type { RevokeAnswer } from './revoke-dialog';

const FR = {
  certificates: {
    issue: {
      completers: 'Personnes ayant réussi : {{count}}.',
      missing: 'Sans certificat : {{count}}.',
      counts: 'Générés : {{done}} · Échecs : {{failed}} · Total : {{total}}',
    },
  },
};

const JOB_ID = '3b1f6a0e-2c4d-4e5f-8a9b-0c1d2e3f4a99';
const salma = aCompleter('e-salma', 'Salma Bennani');
const karim = aCompleter('e-karim', 'Karim Alaoui');

async function render(
  routes: Parameters<typeof fakeApi>[0],
  options: { revocation?: RevokeAnswer; confirm?: boolean } = {},
) {
  const api = fakeApi({
    'GET /api/v1/admin/courses': () =>
      Response.json(pageOf([{ id: COURSE_ID, code: 'COOP-120', title: 'Coopératives' }])),
    [`GET /api/v1/courses/${COURSE_ID}/sessions`]: () =>
      Response.json(
        pageOf([
          {
            id: SESSION_ID,
            title: 'Session Oujda',
            startsOn: '2026-09-14',
            endsOn: '2026-09-17',
          },
        ]),
      ),
    ...routes,
  });
  const dialogs: unknown[] = [];
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: FR },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([{ path: 'certificates/admin', component: AdminCertificatesPage }]),
      { provide: API_FETCH, useValue: api.fetch },
      {
        provide: MatDialog,
        useValue: {
          open: (component: unknown, config: { data: unknown }) => {
            dialogs.push(config.data);
            // A confirmation answers yes unless the test says no; the revocation dialog its answer.
            const answer =
              component === ConfirmDialog ? (options.confirm ?? true) : options.revocation;
            return { afterClosed: () => of(answer) };
          },
        },
      },
    ],
  });
  const harness = await RouterTestingHarness.create();
  const page = await harness.navigateByUrl('/certificates/admin', AdminCertificatesPage);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const chooseSession = async () => {
    page['courseControl'].setValue(COURSE_ID);
    await settle(harness);
    page['sessionControl'].setValue(SESSION_ID);
    await settle(harness);
  };
  const button = (text: string) =>
    [...element.querySelectorAll('button')].find((b) => b.textContent?.includes(text));
  return { harness, page, element, calls: api.calls, dialogs, chooseSession, button };
}

describe('AdminCertificatesPage', () => {
  it('lists the certificates and asks again with the search and status chosen', async () => {
    const { harness, page, element, calls } = await render({
      'GET /api/v1/certificates': () => Response.json(pageOf([aCertificate()], 41)),
    });

    expect(element.querySelector('tbody tr')?.textContent).toContain('ORIS-2026-000123');
    expect(element.querySelector('oris-pager nav')).not.toBeNull();

    page['statusFilter'].setValue('revoked');
    page['search'].setValue('bennani');
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle(harness);

    const lists = calls.filter((call) => call.path === '/api/v1/certificates');
    expect(lists.at(-1)?.query).toBe('page=1&pageSize=20&q=bennani&status=revoked');
  });

  it('revokes with the reason and note given in the dialog and shows the row revoked', async () => {
    const certificate = aCertificate();
    const { harness, element, calls, dialogs, button } = await render(
      {
        'GET /api/v1/certificates': () => Response.json(pageOf([certificate])),
        [`POST /api/v1/certificates/${certificate.id}/revoke`]: (call) =>
          Response.json({
            ...certificate,
            status: 'revoked',
            revokedAt: '2026-10-02T09:00:00Z',
            revokedReason: (call.body as RevokeAnswer).reason,
            revocationNote: (call.body as RevokeAnswer).note ?? null,
          } satisfies Certificate),
      },
      { revocation: { reason: 'issued_in_error', note: 'Nom mal orthographié' } },
    );

    button('certificates.actions.revoke')?.click();
    await settle(harness);

    expect(dialogs).toEqual([{ serial: 'ORIS-2026-000123', holderName: 'Salma Bennani' }]);
    const revoke = calls.find((call) => call.path.endsWith('/revoke'));
    expect(revoke?.body).toEqual({ reason: 'issued_in_error', note: 'Nom mal orthographié' });
    const row = element.querySelector('tbody tr')?.textContent ?? '';
    expect(row).toContain('certificates.status.revoked');
    expect(row).toContain('certificates.revocationReasons.issued_in_error');
    expect(row).toContain('Nom mal orthographié');
    expect(button('certificates.actions.revoke')).toBeUndefined();
  });

  it('revokes nothing when the dialog is dismissed', async () => {
    const { harness, calls, button } = await render({
      'GET /api/v1/certificates': () => Response.json(pageOf([aCertificate()])),
    });

    button('certificates.actions.revoke')?.click();
    await settle(harness);

    expect(calls.some((call) => call.path.endsWith('/revoke'))).toBe(false);
  });

  it('issues a session’s certificates and follows the batch to the end', async () => {
    const jobs: BatchJob[] = [
      { id: JOB_ID, state: 'active', progress: 50, total: 2, done: 1, failed: 0 },
      { id: JOB_ID, state: 'completed', progress: 100, total: 2, done: 2, failed: 0 },
    ];
    let issued = false;
    const { harness, element, calls, chooseSession, button } = await render({
      'GET /api/v1/certificates': (call) =>
        Response.json(
          pageOf(
            issued && call.query.includes(`session=${SESSION_ID}`)
              ? [
                  aCertificate({ enrollmentId: salma.id }),
                  aCertificate({ id: 'c2', enrollmentId: karim.id }),
                ]
              : [],
          ),
        ),
      [`GET /api/v1/sessions/${SESSION_ID}/enrollments`]: () =>
        Response.json(pageOf([salma, karim])),
      [`POST /api/v1/sessions/${SESSION_ID}/certificates`]: () => {
        issued = true;
        return Response.json({ jobId: JOB_ID }, { status: 202 });
      },
      [`GET /api/v1/jobs/${JOB_ID}`]: () => Response.json(jobs.shift() ?? { ...jobs[0] }),
    });
    await chooseSession();

    const completersCall = calls.find((call) => call.path.endsWith('/enrollments'));
    expect(completersCall?.query).toContain('status=completed');
    expect(element.querySelector('.summary')?.textContent).toContain('Personnes ayant réussi : 2.');
    expect(element.querySelector('.summary')?.textContent).toContain('Sans certificat : 2.');

    button('certificates.issue.issueAll')?.click();
    await settle(harness);
    expect(element.querySelector('.counts')?.textContent).toContain('50 %');

    await new Promise((resolve) => setTimeout(resolve, 1100));
    await settle(harness);

    expect(calls.filter((call) => call.path === `/api/v1/jobs/${JOB_ID}`)).toHaveLength(2);
    expect(element.querySelector('.counts')?.textContent).toContain('100 %');
    expect(element.querySelector('.counts')?.textContent).toContain(
      'Générés : 2 · Échecs : 0 · Total : 2',
    );
    expect(element.querySelector('.summary')?.textContent).toContain('Sans certificat : 0.');
    // The list below was asked again once the batch finished.
    expect(
      calls.filter(
        (call) => call.path === '/api/v1/certificates' && !call.query.includes('pageSize=100'),
      ).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('issues one completer’s certificate from the completers table', async () => {
    const { harness, element, calls, chooseSession } = await render({
      'GET /api/v1/certificates': () =>
        Response.json(pageOf([aCertificate({ enrollmentId: salma.id })])),
      [`GET /api/v1/sessions/${SESSION_ID}/enrollments`]: () =>
        Response.json(pageOf([salma, karim])),
      [`POST /api/v1/enrollments/${karim.id}/certificate`]: () =>
        Response.json(
          aCertificate({ id: 'c2', serial: 'ORIS-2026-000124', enrollmentId: karim.id }),
          {
            status: 201,
          },
        ),
    });
    await chooseSession();

    const rows = [...element.querySelectorAll('table.completers tbody tr')];
    expect(rows.map((row) => row.querySelector('button') !== null)).toEqual([false, true]);
    rows[1].querySelector('button')?.click();
    await settle(harness);

    expect(
      calls.some((call) => call.method === 'POST' && call.path.endsWith(`${karim.id}/certificate`)),
    ).toBe(true);
    const karimRow = element.querySelectorAll('table.completers tbody tr')[1];
    expect(karimRow.textContent).toContain('ORIS-2026-000124');
    expect(karimRow.querySelector('button')).toBeNull();
  });

  it('asks before issuing a batch, with the number of people it will email; cancelling issues nothing', async () => {
    const { harness, calls, dialogs, chooseSession, button } = await render(
      {
        'GET /api/v1/certificates': (call) =>
          Response.json(
            pageOf(
              call.query.includes(`session=${SESSION_ID}`)
                ? [aCertificate({ enrollmentId: salma.id })]
                : [],
            ),
          ),
        [`GET /api/v1/sessions/${SESSION_ID}/enrollments`]: () =>
          Response.json(pageOf([salma, karim, aCompleter('e-nadia', 'Nadia Idrissi')])),
      },
      { confirm: false },
    );
    await chooseSession();

    button('certificates.issue.issueAll')?.click();
    await settle(harness);

    expect(dialogs).toEqual([
      expect.objectContaining({
        titleKey: 'certificates.issue.confirmTitle',
        textKey: 'certificates.issue.confirmText',
        params: { count: 2, session: 'Session Oujda' },
      } satisfies Partial<ConfirmRequest>),
    ]);
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('reads the issuance panel again after a revocation, so it shows the certificate revoked', async () => {
    const certificate = aCertificate({ enrollmentId: salma.id });
    let revoked = false;
    const current = () =>
      revoked
        ? aCertificate({
            enrollmentId: salma.id,
            status: 'revoked',
            revokedAt: '2026-10-02T09:00:00Z',
            revokedReason: 'fraud',
          })
        : certificate;
    const { harness, element, chooseSession, button } = await render(
      {
        'GET /api/v1/certificates': () => Response.json(pageOf([current()])),
        [`GET /api/v1/sessions/${SESSION_ID}/enrollments`]: () => Response.json(pageOf([salma])),
        [`POST /api/v1/certificates/${certificate.id}/revoke`]: () => {
          revoked = true;
          return Response.json(current());
        },
      },
      { revocation: { reason: 'fraud' } },
    );
    await chooseSession();
    const panelRow = () => element.querySelector('table.completers tbody tr')?.textContent ?? '';
    expect(panelRow()).toContain('certificates.status.valid');

    button('certificates.actions.revoke')?.click();
    await settle(harness);
    await settle(harness);

    expect(panelRow()).toContain('certificates.status.revoked');
  });

  it('re-issues a certificate once confirmed: one request with an idempotency key, the list shows both', async () => {
    const old = aCertificate({ enrollmentId: salma.id });
    const successor = aCertificate({
      id: '3b1f6a0e-2c4d-4e5f-8a9b-0c1d2e3f4a11',
      serial: 'ORIS-2026-000124',
      enrollmentId: salma.id,
      pdfState: 'pending',
    });
    let replaced = false;
    const { harness, element, calls, dialogs, button } = await render({
      'GET /api/v1/certificates': () =>
        Response.json(
          pageOf(
            replaced
              ? [
                  successor,
                  {
                    ...old,
                    status: 'revoked',
                    revokedAt: '2026-10-02T09:00:00Z',
                    revokedReason: 'replaced',
                    replacedBySerial: successor.serial,
                  },
                ]
              : [old],
          ),
        ),
      [`POST /api/v1/certificates/${old.id}/reissue`]: () => {
        replaced = true;
        return Response.json(successor, { status: 201 });
      },
    });

    button('certificates.actions.reissue')?.click();
    await settle(harness);
    await settle(harness);

    expect(dialogs).toEqual([
      expect.objectContaining({
        titleKey: 'certificates.reissue.title',
        params: { serial: 'ORIS-2026-000123', name: 'Salma Bennani' },
      }),
    ]);
    const reissues = calls.filter((call) => call.path.endsWith('/reissue'));
    expect(reissues).toHaveLength(1);
    expect(reissues[0].headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    const rows = [...element.querySelectorAll('table.certificates tbody tr')].map(
      (row) => row.textContent ?? '',
    );
    expect(rows[0]).toContain('ORIS-2026-000124');
    expect(rows[1]).toContain('certificates.replacedBy');
    expect(
      element.querySelector('.list p.oris-visually-hidden[role="status"]')?.textContent,
    ).toContain('certificates.reissue.done');
  });

  it('re-issues nothing when the confirmation is declined', async () => {
    const { harness, calls, button } = await render(
      { 'GET /api/v1/certificates': () => Response.json(pageOf([aCertificate()])) },
      { confirm: false },
    );

    button('certificates.actions.reissue')?.click();
    await settle(harness);

    expect(calls.some((call) => call.path.endsWith('/reissue'))).toBe(false);
  });
});
