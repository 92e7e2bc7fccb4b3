import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { problem } from '@oris/web/testing';
import { type Answer, fakeApi, SESSION_ID, settle } from '../testing';
import { AnnouncementEmailSwitch } from './announcement-email-switch';

const PUT = `PUT /api/v1/me/sessions/${SESSION_ID}/announcement-email`;

async function render(muted: boolean, answer: Answer) {
  const api = fakeApi({ [PUT]: answer });
  TestBed.configureTestingModule({
    imports: [
      AnnouncementEmailSwitch,
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [provideRouter([]), { provide: API_FETCH, useValue: api.fetch }],
  });
  const fixture = TestBed.createComponent(AnnouncementEmailSwitch);
  fixture.componentRef.setInput('sessionId', SESSION_ID);
  fixture.componentRef.setInput('muted', muted);
  fixture.componentRef.setInput('session', 'Cohorte Fès');
  await settle(fixture);
  const element = fixture.nativeElement as HTMLElement;
  const toggle = () => element.querySelector<HTMLButtonElement>('button[role="switch"]');
  const flip = async () => {
    toggle()?.click();
    await settle(fixture);
  };
  return { element, toggle, flip, calls: api.calls };
}

describe('AnnouncementEmailSwitch', () => {
  it('mutes the session’s emails and shows what the API stored', async () => {
    const { toggle, flip, calls, element } = await render(false, (call) =>
      Response.json(call.body),
    );
    expect(toggle()?.getAttribute('aria-checked')).toBe('true');
    expect(element.textContent).toContain('announcements.learner.byEmailFor');

    await flip();

    expect(calls.map((call) => [call.method, call.body])).toEqual([['PUT', { muted: true }]]);
    expect(toggle()?.getAttribute('aria-checked')).toBe('false');
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(toggle()?.disabled).toBe(false);
  });

  it('moves the switch back when the save fails, and says the setting was not saved and why', async () => {
    const { toggle, flip, element } = await render(false, () =>
      problem(503, 'service_unavailable', 'Service momentanément indisponible'),
    );

    await flip();

    // Still "also by email", as stored; the live region says the emails still come, the alert why.
    expect(toggle()?.getAttribute('aria-checked')).toBe('true');
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'announcements.learner.stillByEmail',
    );
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(
      'Service momentanément indisponible',
    );
    expect(toggle()?.disabled).toBe(false);
  });

  it('keeps a muted session muted when unmuting fails', async () => {
    const { toggle, flip, element } = await render(true, () => problem(500, 'internal', 'Erreur'));
    expect(toggle()?.getAttribute('aria-checked')).toBe('false');

    await flip();

    expect(toggle()?.getAttribute('aria-checked')).toBe('false');
    expect(element.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'announcements.learner.stillMuted',
    );
  });

  it('clears the message once a later save succeeds', async () => {
    let fail = true;
    const { toggle, flip, element } = await render(false, (call) =>
      fail ? problem(503, 'service_unavailable') : Response.json(call.body),
    );
    await flip();
    fail = false;

    await flip();

    expect(toggle()?.getAttribute('aria-checked')).toBe('false');
    expect(element.querySelector('[role="status"]')).toBeNull();
    expect(element.querySelector('[role="alert"]')).toBeNull();
  });
});
