import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { Announcement } from '@oris/web/core';
import { API_FETCH } from '@oris/web/core';
import { Confirmation } from '@oris/web/ui/dialogs';
import { type Call, fakeApi, SESSION_ID, settle } from '../testing';
import { SessionAnnouncementsBoard } from './session-announcements-board';

const anAnnouncement = (changes: Partial<Announcement> = {}): Announcement => ({
  id: '7d3f1c52-0a51-4f1e-9a43-2f7e1b0c9a0a',
  sessionId: SESSION_ID,
  title: 'Salle 3',
  body: 'Jeudi en **salle 3**.',
  bodyHtml: '<p>Jeudi en <strong>salle 3</strong>.</p>',
  authorName: 'Youssef El Amrani',
  byEmail: true,
  createdAt: '2026-12-06T10:00:00.000Z',
  editedAt: null,
  ...changes,
});

async function render(list: Announcement[], confirmed = true) {
  const api = fakeApi({
    [`GET /api/v1/sessions/${SESSION_ID}/announcements`]: () => Response.json(list),
    [`POST /api/v1/sessions/${SESSION_ID}/announcements`]: (call: Call) =>
      Response.json(anAnnouncement(call.body as Partial<Announcement>), { status: 201 }),
    [`PATCH /api/v1/announcements/${anAnnouncement().id}`]: (call: Call) =>
      Response.json(anAnnouncement({ ...(call.body as object), editedAt: '2026-12-06T11:00:00Z' })),
    [`DELETE /api/v1/announcements/${anAnnouncement().id}`]: () =>
      new Response(null, { status: 204 }),
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
        {
          path: 'teaching/sessions/:sessionId/announcements',
          component: SessionAnnouncementsBoard,
        },
      ]),
      { provide: API_FETCH, useValue: api.fetch },
      { provide: Confirmation, useValue: { ask: async () => confirmed } },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(
    `/teaching/sessions/${SESSION_ID}/announcements`,
    SessionAnnouncementsBoard,
  );
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const type = (selector: string, value: string) => {
    const field = element.querySelector<HTMLInputElement>(selector);
    if (!field) throw new Error(`no ${selector}`);
    field.value = value;
    field.dispatchEvent(new Event('input'));
  };
  return { harness, element, calls: api.calls, type };
}

describe('SessionAnnouncementsBoard', () => {
  it('posts an announcement, by email unless unticked, and lists it', async () => {
    const { harness, element, calls, type } = await render([]);
    type('input[formcontrolname="title"]', 'Salle 3');
    type('textarea[formcontrolname="body"]', 'Jeudi en **salle 3**.');
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(harness);
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.body).toEqual({ title: 'Salle 3', body: 'Jeudi en **salle 3**.', byEmail: true });
    // Listed again after posting, and the form is empty again.
    expect(calls.filter((call) => call.method === 'GET')).toHaveLength(2);
    expect(element.querySelector<HTMLInputElement>('input[formcontrolname="title"]')?.value).toBe(
      '',
    );
  });

  it('posts nothing without a title and a message', async () => {
    const { harness, element, calls } = await render([]);
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(harness);
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('edits an announcement without emailing again, and deletes one after confirmation', async () => {
    const { harness, element, calls, type } = await render([anAnnouncement()]);
    const buttons = () => [
      ...element.querySelectorAll<HTMLButtonElement>('oris-announcement-list button'),
    ];
    buttons()[0].click();
    await settle(harness);
    expect(element.querySelector('mat-checkbox')).toBeNull();
    type('input[formcontrolname="title"]', 'Salle 4');
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(harness);
    expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({
      title: 'Salle 4',
      body: 'Jeudi en **salle 3**.',
    });
    buttons()[1].click();
    await settle(harness);
    expect(calls.some((call) => call.method === 'DELETE')).toBe(true);
  });
});
