import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { Role } from '@oris/shared/domain';
import { API_FETCH, AuthSession } from '@oris/web/core';
import { of } from 'rxjs';
import type { Enrollment } from '../shared/learning-types';
import { aSessionBrief, anEnrollment, COURSE_ID, fakeApi, page, settle } from '../testing';
import { EnrollAction } from './enroll-action';
import { EnrollDialog } from './enroll-dialog';
import { todayInMorocco } from '@oris/shared/domain';

const course = { id: COURSE_ID, title: 'Mesurer l’impact social' };

function dayFromToday(days: number): string {
  const day = new Date(`${todayInMorocco()}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

async function render(
  options: {
    mine?: Enrollment[][];
    session?: Parameters<typeof aSessionBrief>[0];
    roles?: Role[];
    visitor?: boolean;
  } = {},
) {
  const lists = options.mine ?? [[]];
  const api = fakeApi({
    'POST /api/v1/auth/login': () =>
      Response.json({
        accessToken: 't',
        expiresIn: 900,
        user: { id: 'u1', roles: options.roles ?? ['trainee'], locale: 'fr', fullName: 'Salma' },
      }),
    'GET /api/v1/me/enrollments': () => page((lists.length > 1 ? lists.shift() : lists[0]) ?? []),
  });
  const open = jest.fn(() => ({ afterClosed: () => of(undefined) }));
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      provideRouter([]),
      { provide: API_FETCH, useValue: api.fetch },
      { provide: MatDialog, useValue: { open } },
    ],
  });
  if (!options.visitor) await TestBed.inject(AuthSession).signIn({ email: 'a@b.c', password: 'x' });
  const fixture = TestBed.createComponent(EnrollAction);
  fixture.componentRef.setInput('course', course);
  fixture.componentRef.setInput(
    'session',
    aSessionBrief({ opensOn: dayFromToday(-10), closesOn: dayFromToday(10), ...options.session }),
  );
  await settle(fixture);
  return { fixture, element: fixture.nativeElement as HTMLElement, open, calls: api.calls };
}

describe('EnrollAction', () => {
  it('asks the API nothing for a visitor, who has no enrollments (no 401 in the console)', async () => {
    const { calls } = await render({ visitor: true });

    expect(calls).toEqual([]);
  });

  it('offers to enroll in an open session and opens the dialog for it', async () => {
    const { element, open, fixture } = await render();

    const button = element.querySelector<HTMLButtonElement>('button');
    expect(button?.disabled).toBe(false);
    expect(button?.textContent?.trim()).toBe('learning.enroll.button');
    button?.click();
    await settle(fixture);

    expect(open).toHaveBeenCalledWith(
      EnrollDialog,
      expect.objectContaining({ data: { course, session: expect.any(Object) } }),
    );
  });

  it('shows the enrollment after the dialog closes, asking the API again', async () => {
    const { element, fixture, calls } = await render({
      mine: [[], [anEnrollment({ status: 'waitlisted', waitlistPosition: 2 })]],
    });

    element.querySelector<HTMLButtonElement>('button')?.click();
    await settle(fixture);

    expect(calls.filter((call) => call.path === '/api/v1/me/enrollments')).toHaveLength(2);
    expect(element.querySelector('.enrolled')?.textContent).toContain('learning.enroll.enrolled');
    expect(element.querySelector('a')?.getAttribute('href')).toBe('/learning');
  });

  it('says the person is enrolled, with a link to their learning, instead of the button', async () => {
    const { element } = await render({ mine: [[anEnrollment({ status: 'confirmed' })]] });

    expect(element.querySelector('button')).toBeNull();
    expect(element.querySelector('.enrolled')?.textContent).toContain('learning.enroll.enrolled');
    expect(element.querySelector('a')?.getAttribute('href')).toBe('/learning');
  });

  it('offers to enroll again after a withdrawal', async () => {
    const { element } = await render({ mine: [[anEnrollment({ status: 'withdrawn' })]] });

    expect(element.querySelector<HTMLButtonElement>('button')?.disabled).toBe(false);
  });

  it('disables the button with the reason when the window has closed', async () => {
    const { element } = await render({ session: { closesOn: dayFromToday(-1) } });

    const button = element.querySelector<HTMLButtonElement>('button');
    expect(button?.disabled).toBe(true);
    const reason = element.querySelector(`#${button?.getAttribute('aria-describedby')}`);
    expect(reason?.textContent).toContain('learning.enroll.refusal.closed');
  });

  it('disables the button when the session is not open', async () => {
    const { element } = await render({ session: { status: 'planned' } });

    expect(element.querySelector<HTMLButtonElement>('button')?.disabled).toBe(true);
    expect(element.querySelector('.reason')?.textContent).toContain(
      'learning.enroll.refusal.notOpen',
    );
  });

  it('tells a trainer without the trainee role that enrolling is for trainees', async () => {
    const { element } = await render({ roles: ['trainer'] });

    expect(element.querySelector<HTMLButtonElement>('button')?.disabled).toBe(true);
    expect(element.querySelector('.reason')?.textContent).toContain(
      'learning.enroll.refusal.traineesOnly',
    );
  });
});
