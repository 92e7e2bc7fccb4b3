import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { Confirmation } from '@oris/web/ui/dialogs';
import { WithdrawalConfirmation } from '../shared/confirm-withdrawal';
import type { Enrollment } from '../shared/learning-types';
import {
  anEnrollment,
  aProgress,
  ENROLLMENT_ID,
  fakeApi,
  page,
  SESSION_ID,
  settle,
} from '../testing';
import { MyLearningPage } from './my-learning-page';

const ONLINE = 'https://meet.example.org/mi110';

function aTimetable(changes: Record<string, unknown> = {}) {
  return {
    enrollmentId: ENROLLMENT_ID,
    sessionId: 'session-1',
    venue: 'Maison des associations, Fès',
    onlineUrl: ONLINE,
    meetings: [
      {
        id: 'm1',
        startsAt: '2026-12-10T09:00:00.000Z',
        endsAt: '2026-12-10T12:30:00.000Z',
        label: 'Ouverture',
      },
      {
        id: 'm2',
        startsAt: '2026-12-11T09:00:00.000Z',
        endsAt: '2026-12-11T12:30:00.000Z',
        label: null,
      },
    ],
    ...changes,
  };
}

async function render(
  lists: Enrollment[][],
  routes: Record<string, (body: unknown) => Response> = {},
  confirmed = true,
) {
  const api = fakeApi({
    'GET /api/v1/regions': () =>
      Response.json([
        { code: 'MA-04', nameFr: 'Rabat-Salé-Kénitra', nameAr: 'الرباط', nameEn: 'Rabat' },
      ]),
    'GET /api/v1/me/enrollments': () => page((lists.length > 1 ? lists.shift() : lists[0]) ?? []),
    [`GET /api/v1/enrollments/${ENROLLMENT_ID}/timetable`]: () => Response.json(aTimetable()),
    'GET /api/v1/me/calendar-feed': () => Response.json({ active: false, createdAt: null }),
    ...routes,
  });
  const ask = jest.fn(async () => confirmed);
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      provideRouter([{ path: 'learning', component: MyLearningPage }]),
      { provide: API_FETCH, useValue: api.fetch },
      { provide: WithdrawalConfirmation, useValue: { ask } },
      { provide: Confirmation, useValue: { ask } },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl('/learning', MyLearningPage);
  await settle(harness);
  return { harness, element: harness.routeNativeElement as HTMLElement, calls: api.calls, ask };
}

describe('MyLearningPage', () => {
  it('lists each enrollment with its course, session, region and status', async () => {
    const { element } = await render([[anEnrollment()]]);

    const card = element.querySelector('article');
    expect(card?.querySelector('h2')?.textContent?.trim()).toBe('Mesurer l’impact social');
    expect(card?.querySelector('h2 a')?.getAttribute('href')).toBe(`/learning/${ENROLLMENT_ID}`);
    expect(card?.textContent).toContain('Classe virtuelle — printemps');
    expect(card?.textContent).toContain('Rabat-Salé-Kénitra');
    expect(card?.querySelector('oris-enrollment-status')?.textContent).toContain(
      'learning.status.confirmed',
    );
  });

  it('shows the progress as a named progress bar with its value', async () => {
    const progress = aProgress({ requiredDone: 1, requiredTotal: 2, percent: 50 });
    const { element } = await render([[anEnrollment({ progress })]]);

    const bar = element.querySelector('[role="progressbar"]');
    expect(bar?.getAttribute('aria-valuenow')).toBe('50');
    const label = element.querySelector(`#${bar?.getAttribute('aria-labelledby')}`);
    expect(label?.textContent).toContain('learning.progress.label');
    expect(element.querySelector('oris-progress-meter')?.textContent).toContain('50');
    expect(element.querySelector('oris-progress-meter')?.textContent).toContain(
      'learning.progress.required',
    );
  });

  it('gives the waitlist position, and no way into the modules yet', async () => {
    const { element } = await render([
      [anEnrollment({ status: 'waitlisted', waitlistPosition: 4, confirmedAt: null })],
    ]);

    expect(element.querySelector('.facts')?.textContent).toContain('learning.waitlistPosition');
    expect(element.querySelector('h2 a')).toBeNull();
    expect(element.querySelector('[role="progressbar"]')).toBeNull();
  });

  it('shows the completion date of a completed course', async () => {
    const { element } = await render([
      [anEnrollment({ status: 'completed', completedOn: '2026-06-30' })],
    ]);

    expect(element.querySelector('.facts')?.textContent).toContain('30 juin 2026');
    expect(element.textContent).not.toContain('learning.withdraw.button');
  });

  it('withdraws after confirmation and shows the list as the API now has it', async () => {
    const withdrawn = anEnrollment({ status: 'withdrawn' });
    const { element, calls, ask, harness } = await render([[anEnrollment()], [withdrawn]], {
      [`POST /api/v1/enrollments/${ENROLLMENT_ID}/withdraw`]: () => Response.json(withdrawn),
    });

    const withdraw = [...element.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
      b.textContent?.includes('learning.withdraw.button'),
    );
    withdraw?.click();
    await settle(harness);

    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ holdsSeat: true }));
    expect(calls.some((call) => call.path.endsWith('/withdraw'))).toBe(true);
    expect(element.querySelector('oris-enrollment-status')?.textContent).toContain(
      'learning.status.withdrawn',
    );
    const notice = element.querySelector('[role="status"]');
    expect(notice?.textContent).toContain('learning.withdraw.done');
    expect(notice?.contains(document.activeElement)).toBe(true);
  });

  it('keeps the enrollment when the person changes their mind', async () => {
    const { element, calls, harness } = await render([[anEnrollment()]], {}, false);

    [...element.querySelectorAll<HTMLButtonElement>('button')]
      .find((b) => b.textContent?.includes('learning.withdraw.button'))
      ?.click();
    await settle(harness);

    expect(calls.some((call) => call.path.endsWith('/withdraw'))).toBe(false);
  });

  it('points to the catalogue when there is no enrollment yet', async () => {
    const { element } = await render([[]]);

    expect(element.querySelector('h2')?.textContent).toContain('learning.my.emptyHeading');
    expect(element.querySelector('.empty a')?.getAttribute('href')).toBe('/catalogue');
  });

  it('shows when and where the session meets, with the online link the API gives', async () => {
    const { element } = await render([[anEnrollment()]]);

    const timetable = element.querySelector('oris-timetable') as HTMLElement;
    expect(timetable.querySelector('h3')?.textContent).toContain('learning.timetable.heading');
    const meetings = timetable.querySelectorAll('ol.meetings li');
    expect(meetings).toHaveLength(2);
    // In Moroccan time (UTC+1 in December): 10:00, not 09:00.
    expect(meetings[0].textContent).toContain('10:00');
    expect(meetings[0].textContent).toContain('Ouverture');
    // The label is isolated from the time (a French label on an Arabic page kept the digits of
    // "Jour 1" against the time's); the dash stays in the page's direction.
    expect(meetings[0].querySelector('.meeting-label bdi')?.textContent).toBe('Ouverture');
    expect(meetings[0].querySelector('time')?.getAttribute('datetime')).toBe(
      '2026-12-10T09:00:00.000Z',
    );
    expect(timetable.textContent).toContain('Maison des associations, Fès');
    const link = timetable.querySelector<HTMLAnchorElement>('a.online');
    expect(link?.getAttribute('href')).toBe(ONLINE);
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows no link where the API gives none, and says when no meeting is planned', async () => {
    const { element } = await render([[anEnrollment({ status: 'waitlisted' })]], {
      [`GET /api/v1/enrollments/${ENROLLMENT_ID}/timetable`]: () =>
        Response.json(aTimetable({ onlineUrl: null, meetings: [] })),
    });

    const timetable = element.querySelector('oris-timetable') as HTMLElement;
    expect(timetable.querySelector('a.online')).toBeNull();
    expect(timetable.textContent).toContain('learning.timetable.noMeetings');
    expect(timetable.querySelector('button')).toBeNull();
  });

  it('leaves the meetings out once the outcome is recorded', async () => {
    const { element } = await render([
      [anEnrollment({ status: 'completed', completedOn: '2026-06-30' })],
    ]);
    expect(element.querySelector('oris-timetable')).toBeNull();
  });

  it('makes a calendar subscription link, shows it once, and revokes it after confirmation', async () => {
    const path = `/api/v1/calendar-feeds/${'a'.repeat(43)}.ics`;
    const { element, calls, ask, harness } = await render([[anEnrollment()]], {
      'POST /api/v1/me/calendar-feed': () =>
        Response.json({ path, createdAt: '2026-12-01T10:00:00.000Z' }, { status: 201 }),
      'DELETE /api/v1/me/calendar-feed': () => new Response(null, { status: 204 }),
    });
    const card = element.querySelector('oris-calendar-feed-card') as HTMLElement;
    const button = (key: string) =>
      [...card.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
        b.textContent?.includes(key),
      );

    button('learning.feed.create')?.click();
    await settle(harness);
    const input = card.querySelector<HTMLInputElement>('input[readonly]');
    expect(input?.value).toBe(`${document.location.origin}${path}`);
    expect(card.textContent).toContain('learning.feed.private');

    button('learning.feed.revoke')?.click();
    await settle(harness);
    expect(ask).toHaveBeenCalledWith(
      expect.objectContaining({ titleKey: 'learning.feed.confirmRevoke.title', destructive: true }),
    );
    expect(calls.some((call) => call.method === 'DELETE')).toBe(true);
    expect(card.querySelector('input[readonly]')).toBeNull();
    expect(card.querySelector('[role="status"]')?.textContent).toContain('learning.feed.revoked');
  });
  it('shows a switch for each seat’s announcement emails, and mutes or unmutes the session', async () => {
    const { harness, element, calls } = await render([[anEnrollment({ status: 'confirmed' })]], {
      'GET /api/v1/me/announcement-email-mutes': () => Response.json({ sessionIds: [SESSION_ID] }),
      // The fake API hands each answer the recorded call.
      [`PUT /api/v1/me/sessions/${SESSION_ID}/announcement-email`]: (call) =>
        Response.json((call as { body: unknown }).body),
    });
    const toggle = element.querySelector<HTMLButtonElement>(
      'oris-announcement-email-switch button[role="switch"]',
    );
    // Muted: the switch "also by email" is off.
    expect(toggle?.getAttribute('aria-checked')).toBe('false');
    expect(element.querySelector('oris-announcement-email-switch a')?.getAttribute('href')).toBe(
      `/learning/sessions/${SESSION_ID}/announcements`,
    );
    toggle?.click();
    await settle(harness);
    const put = calls.find((call) => call.method === 'PUT');
    expect(put?.path).toBe(`/api/v1/me/sessions/${SESSION_ID}/announcement-email`);
    expect(put?.body).toEqual({ muted: false });
    expect(toggle?.getAttribute('aria-checked')).toBe('true');
  });
});
