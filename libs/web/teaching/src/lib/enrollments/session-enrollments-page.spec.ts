import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { Role } from '@oris/shared/domain';
import { API_FETCH, AuthSession } from '@oris/web/core';
import { of } from 'rxjs';
import { Confirmation } from '@oris/web/ui/dialogs';
import type { Enrollment } from '../shared/teaching-types';
import {
  aCourse,
  aDetail,
  anEnrollment,
  type Answer,
  aSession,
  type Call,
  COURSE_ID,
  fakeApi,
  pageOf,
  SESSION_ID,
  settle,
} from '../testing';
import type { CompletionAnswer } from './completion-dialog';
import { SessionEnrollmentsPage } from './session-enrollments-page';

const omar = anEnrollment('e-omar', 'Omar Idrissi');
const fatima = anEnrollment('e-fatima', 'Fatima Zahra Amrani', {
  progress: {
    requiredDone: 4,
    requiredTotal: 4,
    publishedDone: 4,
    publishedTotal: 4,
    percent: 100,
  },
});
const sara = anEnrollment('e-sara', 'Sara Lahlou', { status: 'pending', confirmedAt: null });

const FR = {
  teaching: {
    workspace: { seatsTaken: '{{confirmed}} / {{capacity}}' },
    enrollments: {
      completion: {
        refused: 'Réussite de {{name}} refusée :',
        unmet: {
          modules: 'modules obligatoires : {{done}} terminés sur {{total}}',
          attendance:
            'assiduité : {{attended}} sur {{held}} ({{percent}}), il en faut {{required}}',
        },
      },
      done: { completed: 'Réussite de {{name}} validée.', confirmed: '{{name}} confirmée.' },
      attestedBy: 'Attestée par {{name}}',
    },
  },
};

/** The session's list as the API filters it by `status`. */
const listed = (list: Enrollment[]) => (call: Call) => {
  const status = new URLSearchParams(call.query).get('status');
  return Response.json(pageOf(status ? list.filter((e) => e.status === status) : list));
};

async function render(
  routes: Record<string, Answer>,
  options: {
    roles?: Role[];
    enrollments?: Enrollment[];
    session?: Parameters<typeof aSession>[0];
    completion?: CompletionAnswer;
  } = {},
) {
  const list = options.enrollments ?? [omar, fatima, sara];
  const dialogs: unknown[] = [];
  const api = fakeApi({
    'GET /api/v1/regions': () =>
      Response.json([{ code: 'MA-05', nameFr: 'Béni Mellal-Khénifra', nameAr: '', nameEn: '' }]),
    [`GET /api/v1/sessions/${SESSION_ID}`]: () =>
      Response.json(
        aSession({ status: 'running', confirmedCount: 2, capacity: 20, ...options.session }),
      ),
    [`GET /api/v1/courses/${COURSE_ID}`]: () =>
      Response.json(
        aCourse({
          completionRule: {
            requiredModules: true,
            minAttendancePercent: 75,
            trainerValidation: false,
          },
        }),
      ),
    [`GET /api/v1/sessions/${SESSION_ID}/attendance`]: () =>
      Response.json({
        sessionId: SESSION_ID,
        meetings: [],
        meetingsHeld: 2,
        rows: [
          {
            enrollmentId: omar.id,
            person: omar.person,
            status: 'confirmed',
            marks: [],
            attended: 1,
            percent: 50,
          },
          {
            enrollmentId: fatima.id,
            person: fatima.person,
            status: 'confirmed',
            marks: [],
            attended: 2,
            percent: 100,
          },
        ],
      }),
    [`GET /api/v1/sessions/${SESSION_ID}/enrollments`]: listed(list),
    ...routes,
  });
  const roles = options.roles ?? ['trainer'];
  const urls: string[] = [];
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: FR },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([
        { path: 'teaching/sessions/:sessionId/enrollments', component: SessionEnrollmentsPage },
      ]),
      {
        provide: API_FETCH,
        useValue: (request: Request) => {
          urls.push(request.url);
          return api.fetch(request);
        },
      },
      { provide: Confirmation, useValue: { ask: async () => true } },
      {
        provide: MatDialog,
        useValue: {
          open: (_component: unknown, config: { data: unknown }) => {
            dialogs.push(config.data);
            return { afterClosed: () => of(options.completion ?? {}) };
          },
        },
      },
      {
        provide: AuthSession,
        useValue: {
          hasAnyRole: (wanted: Role[]) => wanted.some((role) => roles.includes(role)),
          user: () => null,
          accessToken: () => null,
          refresh: async () => null,
        },
      },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(
    `/teaching/sessions/${SESSION_ID}/enrollments`,
    SessionEnrollmentsPage,
  );
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const row = (name: string) =>
    [...element.querySelectorAll('tbody tr')].find((tr) => tr.textContent?.includes(name)) as
      HTMLTableRowElement | undefined;
  const button = (name: string, label: string) =>
    [...(row(name)?.querySelectorAll('button') ?? [])].find(
      (b) => b.textContent?.trim() === label,
    ) as HTMLButtonElement | undefined;
  const facts = () =>
    [...element.querySelectorAll('.facts dd')].map((dd) => dd.textContent?.trim());
  return { harness, element, row, button, facts, calls: api.calls, urls, dialogs };
}

describe('SessionEnrollmentsPage', () => {
  it('lists every enrollment with its status, progress and attendance', async () => {
    const { row, facts, calls } = await render({});

    expect(row('Omar Idrissi')?.querySelector('th')?.getAttribute('scope')).toBe('row');
    const cells = [...(row('Fatima Zahra Amrani')?.querySelectorAll('td') ?? [])].map((td) =>
      td.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(cells.slice(0, 3)).toEqual([
      'Béni Mellal-Khénifra',
      'teaching.enrollments.baseline.seeking',
      'teaching.enrollments.status.confirmed',
    ]);
    expect(cells[4]?.replace(/\s/g, ' ')).toBe('100 %');
    expect(cells[5]?.replace(/\s/g, ' ')).toBe('100 %');
    // Seats, waitlist and pending requests, as the API counts them.
    expect(facts().slice(1)).toEqual(['2 / 20', '0', '1']);
    expect(calls.some((call) => call.path.endsWith('/attendance'))).toBe(true);
  });

  it('filters by status through the API', async () => {
    const { harness, urls } = await render({});
    const page = harness.routeDebugElement?.componentInstance as unknown as {
      statusFilter: { setValue(value: string): void };
    };
    page.statusFilter.setValue('waitlisted');
    await settle(harness);

    const last = new URL(urls.filter((url) => url.includes('/enrollments?')).at(-1) ?? '');
    expect(last.searchParams.get('status')).toBe('waitlisted');
    expect(last.searchParams.get('page')).toBe('1');
  });

  it('shows the unmet criterion with its figures when the rule is not met', async () => {
    const { harness, element, button, row } = await render({
      [`POST /api/v1/enrollments/${omar.id}/complete`]: () =>
        Response.json(
          {
            type: 'about:blank',
            title: 'Completion rule not met: required modules are not all done',
            status: 409,
            code: 'required_modules_incomplete',
            detail: 'Not met — required_modules: 1 of 4 required modules done.',
          },
          { status: 409, headers: { 'content-type': 'application/problem+json' } },
        ),
      [`GET /api/v1/enrollments/${omar.id}`]: () =>
        Response.json(
          aDetail(omar, {
            met: false,
            criteria: [
              { criterion: 'required_modules', met: false, detail: '' },
              { criterion: 'attendance', met: false, detail: '' },
            ],
            meetingsHeld: 2,
            meetingsAttended: 1,
          }),
        ),
    });

    button('Omar Idrissi', 'teaching.enrollments.actions.complete')?.click();
    await settle(harness);

    const refusal = element.querySelector('.refusal');
    expect(refusal?.getAttribute('role')).toBe('alert');
    const lines = [...(refusal?.querySelectorAll('li') ?? [])].map((li) =>
      li.textContent?.trim().replace(/\s/g, ' '),
    );
    expect(lines).toEqual([
      'modules obligatoires : 1 terminés sur 4',
      'assiduité : 1 sur 2 (50 %), il en faut 75 %',
    ]);
    expect(row('Omar Idrissi')?.textContent).toContain('teaching.enrollments.status.confirmed');
  });

  it('validates a completion and updates the row without reloading', async () => {
    const completed = { ...fatima, status: 'completed' as const, completedOn: '2026-12-26' };
    const { harness, element, row, button, calls } = await render({
      [`POST /api/v1/enrollments/${fatima.id}/complete`]: () => Response.json(aDetail(completed)),
    });
    const listCalls = calls.filter((call) => call.path.endsWith('/enrollments')).length;

    button('Fatima Zahra Amrani', 'teaching.enrollments.actions.complete')?.click();
    await settle(harness);

    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({});
    expect(row('Fatima Zahra Amrani')?.textContent).toContain(
      'teaching.enrollments.status.completed',
    );
    expect(button('Fatima Zahra Amrani', 'teaching.enrollments.actions.complete')).toBeUndefined();
    expect(element.querySelector('[role="status"]')?.textContent).toBe(
      'Réussite de Fatima Zahra Amrani validée.',
    );
    expect(calls.filter((call) => call.path.endsWith('/enrollments')).length).toBe(listCalls);
  });

  it('tells an administrator that completing a past session attests it, and shows who attested', async () => {
    const attested = {
      ...omar,
      status: 'completed' as const,
      completedOn: '2025-06-27',
      completionAttestation: {
        by: { id: 'admin-1', fullName: 'Nadia Berrada', fullNameAr: null },
        at: '2026-11-30T10:00:00Z',
      },
    };
    const { harness, row, button, calls, dialogs } = await render(
      {
        [`POST /api/v1/enrollments/${omar.id}/complete`]: () => Response.json(aDetail(attested)),
      },
      {
        roles: ['admin'],
        session: { startsOn: '2025-06-23', endsOn: '2025-06-27', status: 'completed' },
        completion: { completedOn: '2025-06-27' },
      },
    );

    button('Omar Idrissi', 'teaching.enrollments.actions.complete')?.click();
    await settle(harness);

    expect(dialogs).toEqual([expect.objectContaining({ pastDayAllowed: true, attests: true })]);
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      completedOn: '2025-06-27',
    });
    expect(row('Omar Idrissi')?.textContent).toContain('Attestée par Nadia Berrada');
  });

  it('does not speak of attesting to a trainer, even of a past session', async () => {
    const { harness, button, dialogs } = await render(
      {},
      { session: { startsOn: '2025-06-23', endsOn: '2025-06-27' } },
    );

    button('Omar Idrissi', 'teaching.enrollments.actions.complete')?.click();
    await settle(harness);

    expect(dialogs).toEqual([expect.objectContaining({ pastDayAllowed: false, attests: false })]);
  });

  it('approves a request from the queue and moves the counts', async () => {
    const { harness, element, facts } = await render(
      {
        [`POST /api/v1/enrollments/${sara.id}/approve`]: () =>
          Response.json({ ...sara, status: 'confirmed' }),
      },
      { enrollments: [sara] },
    );
    const queue = element.querySelector('section[aria-labelledby="approval-queue-heading"]');
    expect(queue?.textContent).toContain('Sara Lahlou');

    queue?.querySelector<HTMLButtonElement>('button')?.click();
    await settle(harness);

    expect(element.querySelector('section[aria-labelledby="approval-queue-heading"]')).toBeNull();
    expect(facts().slice(1)).toEqual(['3 / 20', '0', '0']);
  });

  it('reloads the list when a withdrawal gives the seat to the first one waiting', async () => {
    const waiting = anEnrollment('e-nadia', 'Nadia Chraibi', {
      status: 'waitlisted',
      waitlistPosition: 1,
      confirmedAt: null,
    });
    const list = [omar, waiting];
    const { harness, row, button, facts } = await render(
      {
        [`GET /api/v1/sessions/${SESSION_ID}/enrollments`]: listed(list),
        [`POST /api/v1/enrollments/${omar.id}/withdraw`]: () => {
          // The API promotes Nadia in the same transaction.
          list.splice(
            0,
            2,
            { ...omar, status: 'withdrawn' },
            {
              ...waiting,
              status: 'confirmed',
              waitlistPosition: null,
            },
          );
          return Response.json({ ...omar, status: 'withdrawn' });
        },
      },
      { roles: ['admin'] },
    );
    expect(facts().slice(2)).toEqual(['1', '0']);

    button('Omar Idrissi', 'teaching.enrollments.actions.withdraw')?.click();
    await settle(harness);

    expect(row('Omar Idrissi')?.textContent).toContain('teaching.enrollments.status.withdrawn');
    expect(row('Nadia Chraibi')?.textContent).toContain('teaching.enrollments.status.confirmed');
    expect(facts().slice(1)).toEqual(['2 / 20', '0', '0']);
  });

  it('offers withdrawal and the CSV import to administrators only', async () => {
    const trainer = await render({});
    expect(trainer.button('Omar Idrissi', 'teaching.enrollments.actions.withdraw')).toBeUndefined();
    expect(trainer.element.querySelector('a[href^="/admin/imports"]')).toBeNull();
    TestBed.resetTestingModule();

    const admin = await render({}, { roles: ['admin'] });
    expect(admin.button('Omar Idrissi', 'teaching.enrollments.actions.withdraw')?.disabled).toBe(
      false,
    );
    expect(admin.element.querySelector('a[href^="/admin/imports"]')?.getAttribute('href')).toBe(
      `/admin/imports?sessionId=${SESSION_ID}`,
    );
  });

  it('says before anyone clicks who meets the rule, who does not and why', async () => {
    const { row } = await render({});

    const readiness = (name: string) =>
      row(name)?.querySelector('td.readiness')?.textContent?.replace(/\s+/g, ' ').trim();
    expect(readiness('Fatima Zahra Amrani')).toBe('teaching.enrollments.readiness.met');
    const omarCell = row('Omar Idrissi')?.querySelector('td.readiness');
    expect(omarCell?.querySelector('.ready-unmet')?.textContent).toBe(
      'teaching.enrollments.readiness.unmet',
    );
    expect(
      [...(omarCell?.querySelectorAll('li') ?? [])].map((li) =>
        li.textContent?.trim().replace(/\s/g, ' '),
      ),
    ).toEqual([
      'modules obligatoires : 1 terminés sur 4',
      'assiduité : 1 sur 2 (50 %), il en faut 75 %',
    ]);
    // A pending request is not one to validate.
    expect(readiness('Sara Lahlou')).not.toContain('teaching.enrollments.readiness');
  });

  it('flags every validation before the last meeting as early, and asks the dialog for a reason', async () => {
    const later = new Date(Date.now() + 3 * 24 * 60 * 60_000).toISOString();
    const earlier = new Date(Date.now() - 24 * 60 * 60_000).toISOString();
    const { harness, element, row, button, dialogs, calls } = await render(
      {
        [`POST /api/v1/enrollments/${fatima.id}/complete`]: () =>
          Response.json(aDetail({ ...fatima, status: 'completed' })),
      },
      {
        session: {
          meetings: [
            { id: 'm1', startsAt: earlier, endsAt: earlier, label: null },
            { id: 'm2', startsAt: later, endsAt: later, label: null },
          ],
        },
        completion: { earlyCompletionReason: 'Départ avant la fin' },
      },
    );

    expect(row('Fatima Zahra Amrani')?.querySelector('.ready-early')?.textContent).toContain(
      'teaching.enrollments.readiness.early',
    );
    expect(element.querySelector('.readiness-summary')?.textContent).toContain(
      'teaching.enrollments.readiness.beforeLast',
    );
    button('Fatima Zahra Amrani', 'teaching.enrollments.actions.complete')?.click();
    await settle(harness);
    expect(dialogs).toEqual([expect.objectContaining({ early: true })]);
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      earlyCompletionReason: 'Départ avant la fin',
    });
  });
});
