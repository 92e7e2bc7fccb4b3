import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { Confirmation } from '@oris/web/ui/dialogs';
import { aCourse, aSession, COURSE_ID, fakeApi, SESSION_ID, settle } from '../testing';
import { SessionEditorPage } from './session-editor-page';

async function render(url: string, routes: Record<string, (body: unknown) => Response>) {
  const api = fakeApi({
    'GET /api/v1/regions': () =>
      Response.json([{ code: 'MA-05', nameFr: 'Béni Mellal-Khénifra', nameAr: '', nameEn: '' }]),
    [`GET /api/v1/courses/${COURSE_ID}`]: () => Response.json(aCourse({ status: 'published' })),
    ...routes,
  });
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      provideRouter([
        { path: 'teaching/courses/:courseId/sessions/new', component: SessionEditorPage },
        { path: 'teaching/sessions/:sessionId', component: SessionEditorPage },
      ]),
      { provide: API_FETCH, useValue: api.fetch },
      { provide: Confirmation, useValue: { ask: async () => true } },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url, SessionEditorPage);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const statusActions = () =>
    [...element.querySelectorAll('section[aria-labelledby="session-status-heading"] button')].map(
      (button) => button.textContent?.trim(),
    );
  return { harness, element, statusActions, calls: api.calls };
}

describe('SessionEditorPage', () => {
  it('offers only the moves allowed from the status, then those of the next', async () => {
    const { harness, element, statusActions, calls } = await render(
      `/teaching/sessions/${SESSION_ID}`,
      {
        [`GET /api/v1/sessions/${SESSION_ID}`]: () => Response.json(aSession()),
        [`POST /api/v1/sessions/${SESSION_ID}/status`]: () =>
          Response.json(aSession({ status: 'open' })),
      },
    );

    expect(statusActions()).toEqual([
      'teaching.actions.session.open',
      'teaching.actions.session.cancelled',
    ]);
    element
      .querySelector<HTMLButtonElement>('section[aria-labelledby="session-status-heading"] button')
      ?.click();
    await settle(harness);

    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ status: 'open' });
    expect(statusActions()).toEqual([
      'teaching.actions.session.running',
      'teaching.actions.session.cancelled',
    ]);
  });

  it('makes a completed session read-only', async () => {
    const { element, statusActions } = await render(`/teaching/sessions/${SESSION_ID}`, {
      [`GET /api/v1/sessions/${SESSION_ID}`]: () =>
        Response.json(aSession({ status: 'completed' })),
    });

    expect(statusActions()).toEqual([]);
    expect(element.querySelector('button[type="submit"]')).toBeNull();
    expect(
      element.querySelector<HTMLInputElement>('input[formcontrolname="title"]')?.disabled,
    ).toBe(true);
  });

  it('plans a session with its meetings in Moroccan time', async () => {
    const { harness, calls } = await render(`/teaching/courses/${COURSE_ID}/sessions/new`, {
      [`POST /api/v1/courses/${COURSE_ID}/sessions`]: () =>
        Response.json(aSession(), { status: 201 }),
      [`GET /api/v1/sessions/${SESSION_ID}`]: () => Response.json(aSession()),
    });
    const page = harness.routeDebugElement?.componentInstance as SessionEditorPage;
    const form = page['form'];
    form.patchValue({
      title: 'Cohorte Béni Mellal',
      startsOn: '2026-05-04',
      endsOn: '2026-05-06',
      regionCode: 'MA-05',
      venue: ' Maison des associations ',
      capacity: 20,
    });
    page['addMeeting']();

    await page['saveSession']();

    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({
      title: 'Cohorte Béni Mellal',
      startsOn: '2026-05-04',
      endsOn: '2026-05-06',
      regionCode: 'MA-05',
      venue: 'Maison des associations',
      onlineUrl: null,
      capacity: 20,
      approvalRequired: false,
      meetings: [
        { startsAt: '2026-05-04T08:00:00.000Z', endsAt: '2026-05-04T11:00:00.000Z', label: null },
      ],
    });
  });
});
