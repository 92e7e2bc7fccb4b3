import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import type { AdminOverview } from './overview-api';
import { OverviewPage } from './overview-page';

const SESSION = '6a0f4c1e-0000-4000-8000-0000000000aa';

const OVERVIEW: AdminOverview = {
  pendingApprovals: 3,
  sessionsAwaitingApproval: [
    {
      sessionId: SESSION,
      sessionTitle: 'Session Béni Mellal',
      courseTitle: 'Créer et gérer une coopérative',
      startsOn: '2027-01-03',
      pending: 3,
      oldestRequestAt: '2026-12-01T09:00:00.000Z',
    },
  ],
  failedRenders: 0,
  overdueFollowups: 2,
};

async function render(answer: () => Response = () => Response.json(OVERVIEW)) {
  const paths: string[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    paths.push(url.pathname);
    return url.pathname === '/api/v1/admin/overview'
      ? answer()
      : new Response(null, { status: 404 });
  };
  TestBed.configureTestingModule({
    imports: [
      OverviewPage,
      TranslocoTestingModule.forRoot({
        langs: {
          fr: {
            admin: {
              overview: {
                awaiting: { facts: 'Demandes en attente : {{count}} — début le {{startsOn}}' },
              },
            },
          },
        },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [provideRouter([]), { provide: API_FETCH, useValue: fetch }],
  });
  const fixture = TestBed.createComponent(OverviewPage);
  await fixture.whenStable();
  await fixture.whenStable();
  return { element: fixture.nativeElement as HTMLElement, paths };
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

describe('OverviewPage', () => {
  it('shows each count with the page where the administrator acts on it', async () => {
    const { element, paths } = await render();

    expect(paths).toEqual(['/api/v1/admin/overview']);
    const item = (id: string) => element.querySelector(`[data-attention="${id}"]`);
    expect(text(item('approvals')?.querySelector('.item-count'))).toBe('3');
    expect(item('approvals')?.querySelector('a')?.getAttribute('href')).toBe(
      `/teaching/sessions/${SESSION}/enrollments`,
    );
    expect(text(item('renders')?.querySelector('.item-count'))).toBe('0');
    expect(text(item('renders')?.querySelector('.item-note'))).toBe(
      'admin.overview.nothingWaiting',
    );
    expect(item('renders')?.querySelector('a')?.getAttribute('href')).toBe('/certificates/admin');
    expect(text(item('followups')?.querySelector('.item-count'))).toBe('2');
    expect(item('followups')?.querySelector('a')?.getAttribute('href')).toBe(
      '/insertion/followups',
    );
  });

  it('names the sessions holding requests, each leading to its enrollments', async () => {
    const { element } = await render();

    const [session] = element.querySelectorAll('.sessions li');
    expect(text(session.querySelector('a'))).toBe(
      'Créer et gérer une coopérative — Session Béni Mellal',
    );
    expect(session.querySelector('a')?.getAttribute('href')).toBe(
      `/teaching/sessions/${SESSION}/enrollments`,
    );
    expect(text(session.querySelector('.session-facts'))?.replace(/\u00a0|\u202f/g, ' ')).toBe(
      'Demandes en attente : 3 — début le 3 janvier 2027',
    );
  });

  it('says what went wrong when the overview cannot be read', async () => {
    const { element } = await render(() =>
      Response.json(
        { title: 'Forbidden', status: 403 },
        { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );

    expect(element.querySelector('[role="alert"]')).not.toBeNull();
    expect(element.querySelector('.attention')).toBeNull();
  });
});
