import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import type { AttendanceSheet } from '../shared/teaching-types';
import { aSession, fakeApi, SESSION_ID, settle } from '../testing';
import { AttendancePage } from './attendance-page';

const meeting = (id: string, day: string, held: boolean) => ({
  id,
  startsAt: `${day}T08:00:00Z`,
  endsAt: `${day}T11:00:00Z`,
  label: null,
  held,
});

const row = (enrollmentId: string, fullName: string, present: boolean | null) => ({
  enrollmentId,
  person: { id: `p-${enrollmentId}`, fullName, fullNameAr: null },
  status: 'confirmed',
  marks: present === null ? [] : [{ meetingId: 'm1', present }],
  attended: present ? 1 : 0,
  percent: present ? 100 : 0,
});

const SHEET = {
  sessionId: SESSION_ID,
  meetings: [meeting('m1', '2026-03-02', true), meeting('m2', '2026-03-03', false)],
  meetingsHeld: 1,
  rows: [row('a', 'Omar Idrissi', true), row('b', 'Sara Lahlou', null)],
} as unknown as AttendanceSheet;

async function render(routes: Record<string, (body: unknown) => Response> = {}) {
  const api = fakeApi({
    [`GET /api/v1/sessions/${SESSION_ID}`]: () => Response.json(aSession({ status: 'running' })),
    [`GET /api/v1/sessions/${SESSION_ID}/attendance`]: () => Response.json(SHEET),
    ...routes,
  });
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: { teaching: { attendance: { saved: '{{present}} sur {{total}}' } } } },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([
        { path: 'teaching/sessions/:sessionId/attendance', component: AttendancePage },
      ]),
      { provide: API_FETCH, useValue: api.fetch },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(`/teaching/sessions/${SESSION_ID}/attendance`, AttendancePage);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const boxes = () =>
    [...element.querySelectorAll<HTMLInputElement>('.checklist input[type="checkbox"]')].map(
      (input) => input.checked,
    );
  return { harness, element, boxes, calls: api.calls };
}

describe('AttendancePage', () => {
  it('opens on the latest held meeting with its recorded marks', async () => {
    const { element, boxes } = await render();

    expect(boxes()).toEqual([true, false]);
    expect(element.querySelector('legend')?.textContent).toContain('teaching.attendance.presentAt');
    expect(element.querySelectorAll('.checklist label').length).toBe(2);
  });

  it('saves a mark for every trainee and announces the result', async () => {
    const saved = {
      ...SHEET,
      rows: [row('a', 'Omar Idrissi', true), { ...row('b', 'Sara Lahlou', true) }],
    };
    const { harness, element, boxes, calls } = await render({
      [`PUT /api/v1/sessions/${SESSION_ID}/meetings/m1/attendance`]: () => Response.json(saved),
    });

    element.querySelectorAll<HTMLInputElement>('.checklist input[type="checkbox"]')[1]?.click();
    await settle(harness);
    expect(boxes()).toEqual([true, true]);
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(harness);

    expect(calls.find((call) => call.method === 'PUT')?.body).toEqual({
      entries: [
        { enrollmentId: 'a', present: true },
        { enrollmentId: 'b', present: true },
      ],
    });
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe('2 sur 2');
  });

  it('shows why the API refused a meeting that has not started', async () => {
    const { harness, element } = await render({
      [`PUT /api/v1/sessions/${SESSION_ID}/meetings/m1/attendance`]: () =>
        Response.json(
          { title: 'Attendance is taken once the meeting has started', status: 409 },
          { status: 409 },
        ),
    });

    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(harness);

    expect(element.querySelector('oris-problem-alert [role="alert"]')?.textContent).toContain(
      'Attendance is taken once the meeting has started',
    );
  });
});
