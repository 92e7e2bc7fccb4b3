import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH, AuthSession } from '@oris/web/core';
import type { SessionBrief } from '@oris/web/core';
import type { Enrollment } from '../shared/learning-types';
import {
  aSessionBrief,
  anEnrollment,
  COURSE_ID,
  fakeApi,
  page,
  SESSION_ID,
  settle,
} from '../testing';
import { EnrollDialog } from './enroll-dialog';

const ENROLL = `POST /api/v1/sessions/${SESSION_ID}/enrollments`;

async function render(
  answers: (() => Response)[],
  phoneOnAccount: string | null = null,
  options: { mine?: Enrollment[]; session?: Partial<SessionBrief> } = {},
) {
  const answer = jest.fn(() => (answers.shift() ?? (() => new Response(null, { status: 500 })))());
  const api = fakeApi({
    [ENROLL]: answer,
    'GET /api/v1/me/enrollments': () => page(options.mine ?? []),
    'PATCH /api/v1/me': (call) => Response.json({ id: 'u1', ...(call.body as object) }),
  });
  const close = jest.fn();
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
      { provide: MatDialogRef, useValue: { close } },
      {
        provide: MAT_DIALOG_DATA,
        useValue: {
          course: { id: COURSE_ID, title: 'Mesurer l’impact social' },
          session: aSessionBrief(options.session),
        },
      },
    ],
  });
  // The signed-in person, as the session holds them (only the phone matters here).
  const session = TestBed.inject(AuthSession);
  Object.defineProperty(session, 'user', { value: () => ({ id: 'u1', phone: phoneOnAccount }) });
  Object.defineProperty(session, 'isSignedIn', { value: () => true });
  const updateUser = jest.spyOn(session, 'updateUser').mockImplementation(() => undefined);
  const fixture = TestBed.createComponent(EnrollDialog);
  await settle(fixture);
  const element = fixture.nativeElement as HTMLElement;

  const answer2 = async () => {
    element.querySelector<HTMLInputElement>('input[type="radio"][value="seeking"]')?.click();
    element.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await settle(fixture);
    [...document.querySelectorAll<HTMLElement>('mat-option')]
      .find((option) => option.textContent?.includes('learning.education.licence'))
      ?.click();
    await settle(fixture);
  };
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(fixture);
  };
  const enrollCalls = () => api.calls.filter((call) => call.method === 'POST');
  /** What the dialog changed (it reads the person's enrollments to take over their answers). */
  const writes = () => api.calls.filter((call) => call.method !== 'GET');
  const phoneInput = () => element.querySelector<HTMLInputElement>('input[type="tel"]');
  return {
    fixture,
    element,
    api,
    answer2,
    submit,
    enrollCalls,
    writes,
    close,
    phoneInput,
    updateUser,
  };
}

describe('EnrollDialog', () => {
  it('says why the baseline questions are asked', async () => {
    const { element } = await render([]);

    expect(element.querySelector('h3')?.textContent).toContain('learning.enroll.dialog.whyHeading');
    expect(element.textContent).toContain('learning.enroll.dialog.why');
    expect(element.textContent).toContain('learning.enroll.dialog.privacy');
  });

  it('offers someone without a phone to add one, saves it to the profile, then enrolls', async () => {
    const { fixture, api, answer2, submit, enrollCalls, phoneInput, updateUser } = await render([
      () => Response.json(anEnrollment({ status: 'confirmed' }), { status: 201 }),
    ]);
    const input = phoneInput();
    expect(input?.getAttribute('dir')).toBe('ltr');

    await answer2();
    (input as HTMLInputElement).value = ' 06 12 34 56 78 ';
    input?.dispatchEvent(new Event('input'));
    await settle(fixture);
    await submit();

    const saved = api.calls.filter((call) => call.method === 'PATCH');
    expect(saved.map((call) => call.body)).toEqual([{ phone: '06 12 34 56 78' }]);
    expect(updateUser).toHaveBeenCalledWith({ id: 'u1', phone: '06 12 34 56 78' });
    expect(enrollCalls()).toHaveLength(1);
  });

  it('refuses a phone the API would refuse, sending nothing, and enrolls without one', async () => {
    const { fixture, api, answer2, submit, enrollCalls, writes, phoneInput } = await render([
      () => Response.json(anEnrollment({ status: 'confirmed' }), { status: 201 }),
    ]);
    await answer2();
    const input = phoneInput() as HTMLInputElement;
    input.value = '08 12';
    input.dispatchEvent(new Event('input'));
    await settle(fixture);
    await submit();
    expect(writes()).toHaveLength(0);
    expect(fixture.nativeElement.textContent).toContain('validation.phone');

    input.value = '';
    input.dispatchEvent(new Event('input'));
    await settle(fixture);
    await submit();
    expect(api.calls.filter((call) => call.method === 'PATCH')).toHaveLength(0);
    expect(enrollCalls()).toHaveLength(1);
  });

  it('does not ask for a phone the account already has', async () => {
    const { phoneInput } = await render([], '+212612345678');

    expect(phoneInput()).toBeNull();
  });

  it('sends nothing until both questions are answered', async () => {
    const { element, submit, enrollCalls } = await render([]);

    await submit();

    expect(enrollCalls()).toHaveLength(0);
    expect(element.querySelector('#enroll-situation-error')?.textContent).toContain(
      'validation.required',
    );
  });

  it('sends the baseline with an Idempotency-Key and shows the confirmed seat', async () => {
    const { element, answer2, submit, enrollCalls } = await render([
      () => Response.json(anEnrollment({ status: 'confirmed' }), { status: 201 }),
    ]);

    await answer2();
    await submit();

    const [call] = enrollCalls();
    expect(call.body).toEqual({ baselineSituation: 'seeking', educationLevel: 'licence' });
    expect(call.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(element.querySelector('h2')?.textContent).toContain(
      'learning.enroll.outcome.confirmed.title',
    );
    expect(document.activeElement).toBe(element.querySelector('h2'));
  });

  it('retries with the same key when the first answer was lost, so it cannot enroll twice', async () => {
    const { element, answer2, submit, enrollCalls } = await render([
      () => Response.json({ title: 'Service unavailable' }, { status: 503 }),
      () =>
        Response.json(anEnrollment({ status: 'waitlisted', waitlistPosition: 3 }), {
          status: 201,
        }),
    ]);

    await answer2();
    await submit();
    expect(element.querySelector('[role="alert"]')).not.toBeNull();
    await submit();

    const [first, second] = enrollCalls();
    expect(second.headers.get('Idempotency-Key')).toBe(first.headers.get('Idempotency-Key'));
    expect(element.querySelector('h2')?.textContent).toContain(
      'learning.enroll.outcome.waitlisted.title',
    );
  });

  it('shows a refusal in the interface language and takes a new key for the next try', async () => {
    const { element, answer2, submit, enrollCalls } = await render([
      () =>
        Response.json(
          { title: 'Already enrolled in this session', status: 409, code: 'already_enrolled' },
          { status: 409 },
        ),
      () => Response.json(anEnrollment({ status: 'pending' }), { status: 201 }),
    ]);

    await answer2();
    await submit();

    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'learning.problems.alreadyEnrolled',
    );
    await submit();
    const [first, second] = enrollCalls();
    expect(second.headers.get('Idempotency-Key')).not.toBe(first.headers.get('Idempotency-Key'));
    expect(element.querySelector('h2')?.textContent).toContain(
      'learning.enroll.outcome.pending.title',
    );
  });

  it('closes with the enrollment once enrolled', async () => {
    const enrollment = anEnrollment();
    const { element, answer2, submit, close, fixture } = await render([
      () => Response.json(enrollment, { status: 201 }),
    ]);

    await answer2();
    await submit();
    element.querySelector<HTMLButtonElement>('mat-dialog-actions button')?.click();
    await settle(fixture);

    expect(close).toHaveBeenCalledWith(enrollment);
  });

  it('takes over the person’s last answers, to confirm or correct, and says from when', async () => {
    const older = anEnrollment({
      id: 'e-old',
      baselineSituation: 'student',
      educationLevel: 'baccalaureate',
      enrolledAt: '2025-02-01T09:00:00Z',
    });
    const latest = anEnrollment({
      id: 'e-new',
      baselineSituation: 'employed',
      educationLevel: 'master',
      enrolledAt: '2026-05-04T09:00:00Z',
    });
    const { element, submit, enrollCalls } = await render(
      [() => Response.json(anEnrollment({ status: 'confirmed' }), { status: 201 })],
      '+212612345678',
      { mine: [older, latest] },
    );

    expect(element.querySelector('.prefilled')?.textContent).toContain(
      'learning.enroll.dialog.prefilled',
    );
    expect(
      element.querySelector<HTMLInputElement>('input[type="radio"][value="employed"]')?.checked,
    ).toBe(true);
    await submit();
    expect(enrollCalls().map((call) => call.body)).toEqual([
      { baselineSituation: 'employed', educationLevel: 'master' },
    ]);
  });

  it('asks from nothing someone who never answered', async () => {
    const { element } = await render([]);
    expect(element.querySelector('.prefilled')).toBeNull();
    expect(element.querySelector<HTMLInputElement>('input[type="radio"]:checked')).toBeNull();
  });

  it('says a full session puts the person on its waitlist, then gives the position', async () => {
    const { element, answer2, submit } = await render(
      [
        () =>
          Response.json(anEnrollment({ status: 'waitlisted', waitlistPosition: 4 }), {
            status: 201,
          }),
      ],
      '+212612345678',
      { session: { seatsLeft: 0 } },
    );
    expect(element.querySelector('h2')?.textContent).toContain(
      'learning.enroll.dialog.titleWaitlist',
    );
    expect(element.querySelector('.full-notice')?.textContent).toContain(
      'learning.enroll.dialog.fullNotice',
    );
    expect(element.querySelector('button[type="submit"]')?.textContent).toContain(
      'learning.enroll.dialog.submitWaitlist',
    );

    await answer2();
    await submit();
    expect(element.querySelector('h2')?.textContent).toContain(
      'learning.enroll.outcome.waitlisted.title',
    );
  });
});
