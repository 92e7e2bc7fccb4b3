import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { of } from 'rxjs';
import type { Followup } from '../shared/insertion-types';
import { ENROLLMENT_ID, fakeApi, pageOf, PERSON_ID, settle } from '../testing';
import { FollowupsPage } from './followups-page';

function aFollowup(changes: Partial<Followup> = {}): Followup {
  return {
    id: 'f1',
    enrollmentId: ENROLLMENT_ID,
    horizon: 9,
    completedOn: '2026-01-20',
    dueOn: '2026-10-20',
    status: 'due',
    overdue: true,
    emailedAt: '2026-10-20T08:00:00Z',
    reminderCount: 2,
    lastRemindedAt: '2026-11-03T08:00:00Z',
    answeredAt: null,
    answerChannel: null,
    placementId: null,
    person: {
      id: PERSON_ID,
      fullName: 'Salma Bennani',
      fullNameAr: null,
      email: 'salma@example.org',
      phone: '+212612345678',
      locale: 'fr',
      followupWithdrawn: false,
    },
    courseId: 'c1',
    courseTitle: 'Créer et gérer une coopérative',
    sessionId: 's1',
    sessionTitle: 'Session Oujda',
    regionCode: 'MA-02',
    ...changes,
  } as Followup;
}

async function render(answered: Followup | undefined = undefined) {
  const api = fakeApi({
    'GET /api/v1/regions': () => Response.json([]),
    'GET /api/v1/followups/counts': () =>
      Response.json({ scheduled: 30, due: 4, overdue: 1, skipped: 2, answered: 12 }),
    'GET /api/v1/followups': (call) =>
      Response.json(
        pageOf(
          new URLSearchParams(call.query).get('status') === 'answered'
            ? [aFollowup({ status: 'answered', overdue: false, answerChannel: 'phone' })]
            : [aFollowup()],
        ),
      ),
  });
  const opened: unknown[] = [];
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([{ path: 'insertion/followups', component: FollowupsPage }]),
      { provide: API_FETCH, useValue: api.fetch },
      {
        provide: MatDialog,
        useValue: {
          open: (_component: unknown, config: { data: unknown }) => {
            opened.push(config.data);
            return { afterClosed: () => of(answered) };
          },
        },
      },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl('/insertion/followups', FollowupsPage);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const tab = (name: string) => element.querySelector<HTMLElement>(`#followups-tab-${name}`);
  const listQueries = () =>
    api.calls.filter((call) => call.path === '/api/v1/followups').map((call) => call.query);
  return { harness, element, api, opened, tab, listQueries };
}

describe('FollowupsPage', () => {
  it('gives the officer the person’s phone as a tel: link to call from the queue', async () => {
    const { element } = await render();

    const link = element.querySelector<HTMLAnchorElement>('tbody a[href^="tel:"]');
    expect(link?.getAttribute('href')).toBe('tel:+212612345678');
    expect(link?.getAttribute('dir')).toBe('ltr');
    expect(link?.textContent?.trim()).toBe('+212 6 12 34 56 78');
  });

  it('opens on the overdue follow-ups, with the count of each tab', async () => {
    const { tab, listQueries } = await render();

    expect(listQueries()).toEqual(['page=1&pageSize=20&status=overdue']);
    expect(tab('overdue')?.getAttribute('aria-selected')).toBe('true');
    expect(tab('overdue')?.textContent).toContain('1');
    expect(tab('due')?.textContent).toContain('4');
    expect(tab('answered')?.textContent).toContain('12');
  });

  it('switches tabs by click and by arrow keys', async () => {
    const { harness, tab, listQueries } = await render();

    tab('answered')?.click();
    await settle(harness);
    expect(listQueries().at(-1)).toBe('page=1&pageSize=20&status=answered');
    expect(tab('answered')?.getAttribute('tabindex')).toBe('0');

    tab('answered')?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }),
    );
    await settle(harness);
    expect(listQueries().at(-1)).toBe('page=1&pageSize=20&status=overdue');
  });

  it('shows how an answered follow-up was answered, and offers no second answer', async () => {
    const { harness, element, tab } = await render();

    tab('answered')?.click();
    await settle(harness);

    const row = element.querySelector('tbody tr');
    expect(row?.textContent).toContain('insertion.followups.channel.phone');
    expect(row?.querySelector('button')).toBeNull();
  });

  it('records a phone answer in the dialog, then refreshes the queue and its counts', async () => {
    const { harness, element, api, opened } = await render(aFollowup({ status: 'answered' }));
    const before = api.calls.length;

    element.querySelector<HTMLButtonElement>('tbody button')?.click();
    await settle(harness);

    expect(opened).toEqual([expect.objectContaining({ id: 'f1' })]);
    const after = api.calls.slice(before).map((call) => call.path);
    expect(after).toEqual(
      expect.arrayContaining(['/api/v1/followups/counts', '/api/v1/followups']),
    );
    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      'insertion.followups.answered',
    );
  });
});
