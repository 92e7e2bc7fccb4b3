import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH, AuthSession } from '@oris/web/core';
import { fakeApi, problem, settle } from '@oris/web/testing';
import { MyDataPage } from './my-data-page';

async function render(routes: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({
    'GET /api/v1/me/rectification-requests': () => Response.json([]),
    ...routes,
  });
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([
        { path: 'my-data', component: MyDataPage },
        { path: 'profile', children: [] },
      ]),
      { provide: API_FETCH, useValue: api.fetch },
      {
        provide: AuthSession,
        useValue: {
          user: () => null,
          accessToken: () => 'token-in-memory',
          refresh: async () => null,
        },
      },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl('/my-data', MyDataPage);
  await settle(harness);
  return {
    harness,
    element: harness.routeNativeElement as HTMLElement,
    calls: api.calls,
  };
}

describe('MyDataPage', () => {
  let clicks: string[];

  beforeEach(() => {
    Object.assign(URL, {
      createObjectURL: jest.fn(() => 'blob:my-data'),
      revokeObjectURL: jest.fn(),
    });
    clicks = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(this.download);
    });
  });

  afterEach(() => jest.restoreAllMocks());

  const buttons = (element: HTMLElement) => [...element.querySelectorAll('button')];

  it('downloads each format with the bearer token and saves it under a dated name', async () => {
    const { harness, element, calls } = await render({
      'GET /api/v1/me/export': (call) =>
        call.query === 'format=html'
          ? new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html' } })
          : Response.json({ format: 'oris-my-data/1' }),
    });
    const [json, html] = buttons(element);
    json.click();
    await settle(harness);
    html.click();
    await settle(harness);

    // The rectification requests card makes its own calls.
    const exports = calls.filter((call) => call.path === '/api/v1/me/export');
    expect(exports.map((call) => [call.query, call.authorization])).toEqual([
      ['format=json', 'Bearer token-in-memory'],
      ['format=html', 'Bearer token-in-memory'],
    ]);
    expect(clicks).toEqual([
      expect.stringMatching(/^oris-my-data-\d{4}-\d{2}-\d{2}\.json$/),
      expect.stringMatching(/^oris-my-data-\d{4}-\d{2}-\d{2}\.html$/),
    ]);
    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      'identity.myData.saved',
    );
  });

  it('says when the export budget is spent, and saves nothing', async () => {
    const { harness, element } = await render({
      'GET /api/v1/me/export': () => problem(429, 'rate_limited'),
    });
    buttons(element)[0].click();
    await settle(harness);

    expect(clicks).toEqual([]);
    expect(element.querySelector('oris-problem-alert')?.textContent).toContain(
      'problems.tooManyAttempts',
    );
    expect(buttons(element).every((button) => !button.disabled)).toBe(true);
  });

  it('sends a rectification request to the officers and lists it with its status', async () => {
    const created = {
      id: 'r1',
      person: { id: 'u1', fullName: 'Salma', fullNameAr: null },
      placementId: null,
      message: 'Mon contrat est un CDD.',
      status: 'open',
      createdAt: '2026-12-01T10:00:00Z',
      resolvedAt: null,
      answer: null,
    };
    const { harness, element, calls } = await render({
      'POST /api/v1/me/rectification-requests': () => Response.json(created, { status: 201 }),
    });
    const textarea = element.querySelector('textarea') as HTMLTextAreaElement;
    textarea.value = 'Mon contrat est un CDD.';
    textarea.dispatchEvent(new Event('input'));
    (element.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    await settle(harness);

    const sent = calls.find(
      (call) => call.path === '/api/v1/me/rectification-requests' && call.method === 'POST',
    );
    expect(sent?.body).toEqual({ message: 'Mon contrat est un CDD.' });
    expect(element.textContent).toContain('identity.rectification.sent');
    expect(element.textContent).toContain('identity.rectification.status.open');
    expect(element.textContent).toContain('Mon contrat est un CDD.');
  });
});
