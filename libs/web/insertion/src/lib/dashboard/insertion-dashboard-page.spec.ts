import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { choose, type } from '../shared/form-testing';
import type { GroupBy, Indicator, IndicatorGroup } from '../shared/insertion-types';
import { fakeApi, problem, settle } from '../testing';
import { InsertionDashboardPage } from './insertion-dashboard-page';

const REGIONS = [
  { code: 'MA-01', nameFr: 'Tanger-Tétouan-Al Hoceïma', nameAr: 'طنجة', nameEn: 'Tanger' },
  { code: 'MA-02', nameFr: 'L’Oriental', nameAr: 'الشرق', nameEn: 'Oriental' },
];

function aGroup(key: string, changes: Partial<IndicatorGroup> = {}): IndicatorGroup {
  return {
    key,
    trained: 20,
    eligible: 16,
    responded: 12,
    inserted: 6,
    employed: 4,
    insertionRate: 0.5,
    employmentRate: 4 / 12,
    responseRate: 0.75,
    lowerBoundRate: 6 / 16,
    ...changes,
  };
}

const GROUPS: Record<GroupBy, IndicatorGroup[]> = {
  region: [aGroup('MA-01', { insertionRate: 0.25 }), aGroup('MA-02', { insertionRate: 0.75 })],
  gender: [aGroup('female'), aGroup('male')],
  year: [aGroup('2025'), aGroup('2026')],
  kind: [
    aGroup('wage_employment', { responded: 9 }),
    aGroup('seeking', { responded: 3 }),
    aGroup('unknown', { responded: 0 }),
  ],
  ageBand: [aGroup('15-24'), aGroup('25-29')],
  education: [aGroup('licence')],
  course: [aGroup('c1', { label: 'COOP-120 Coopératives' })],
  session: [aGroup('s1', { label: 'Session Oujda' })],
};

function anIndicator(
  groupBy: GroupBy,
  months: 6 | 9 | 12,
  changes: Partial<Indicator> = {},
): Indicator {
  return {
    trained: 40,
    eligible: 32,
    responded: 24,
    inserted: 12,
    employed: 8,
    insertionRate: 0.5,
    employmentRate: 1 / 3,
    responseRate: 0.75,
    lowerBoundRate: 0.375,
    filters: {
      from: null,
      to: '2026-11-26',
      months,
      asOf: '2026-11-26',
      knownAt: '2026-11-26T08:00:00.000Z',
      region: null,
      course: null,
      session: null,
      groupBy,
    },
    definition: { fr: 'Définition en français', en: 'English definition', ar: 'التعريف' },
    notes: [],
    breakdown: GROUPS[groupBy],
    freshness: {
      source: 'rollup',
      refreshedAt: '2026-11-26T08:00:00Z',
      computedAt: '2026-11-26T09:00:00Z',
    },
    ...changes,
  } as Indicator;
}

async function render(
  routes: Parameters<typeof fakeApi>[0] = {},
  translations: Record<string, string> = {},
) {
  const api = fakeApi({
    'GET /api/v1/regions': () => Response.json(REGIONS),
    'GET /api/v1/courses': () => Response.json({ items: [], total: 0, page: 1, pageSize: 100 }),
    'GET /api/v1/indicators/insertion': (call) => {
      const query = new URLSearchParams(call.query);
      const months = Number(query.get('months')) as 6 | 9 | 12;
      return Response.json(anIndicator(query.get('groupBy') as GroupBy, months));
    },
    ...routes,
  });
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: translations },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([{ path: 'insertion/dashboard', component: InsertionDashboardPage }]),
      { provide: API_FETCH, useValue: api.fetch },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl('/insertion/dashboard', InsertionDashboardPage);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const indicatorCalls = () =>
    api.calls.filter((call) => call.path === '/api/v1/indicators/insertion');
  const card = (key: string) =>
    element.querySelector(`[data-card="insertion.dashboard.cards.${key}"]`)?.textContent?.trim();
  return { harness, element, api, indicatorCalls, card };
}

const NBSP = /[\u00a0\u202f]/g;

describe('InsertionDashboardPage', () => {
  it('asks for each charted breakdown at T+9 by default', async () => {
    const { indicatorCalls } = await render();

    expect(
      indicatorCalls()
        .map((call) => call.query)
        .sort(),
    ).toEqual([
      'months=9&groupBy=gender',
      'months=9&groupBy=kind',
      'months=9&groupBy=region',
      'months=9&groupBy=year',
    ]);
  });

  it('shows the headline figures in the reader’s language', async () => {
    const { card } = await render();

    expect(card('trained')).toBe('40');
    expect(card('inserted')).toBe('12');
    expect(card('insertionRate')?.replace(NBSP, ' ')).toBe('50,0 %');
    expect(card('employmentRate')?.replace(NBSP, ' ')).toBe('33,3 %');
    expect(card('responseRate')?.replace(NBSP, ' ')).toBe('75,0 %');
    expect(card('lowerBound')?.replace(NBSP, ' ')).toBe('37,5 %');
  });

  it('draws the region chart with its figures beside each bar, and a table of the same', async () => {
    const { element } = await render();

    const chart = element.querySelector('oris-bar-chart');
    const bars = chart?.querySelectorAll<HTMLElement>('.bars li') ?? [];
    expect(bars).toHaveLength(2);
    expect(bars[0].textContent).toContain('Tanger-Tétouan-Al Hoceïma');
    expect(bars[0].textContent?.replace(NBSP, ' ')).toContain('25,0 %');
    expect(bars[1].querySelector<HTMLElement>('.fill')?.style.inlineSize).toBe('75%');
    expect(chart?.querySelectorAll('details table tbody tr')).toHaveLength(2);
  });

  it('leaves people whose situation is not known yet out of the kinds of situation', async () => {
    const { element } = await render();

    const kinds = element.querySelectorAll('oris-bar-chart')[3];
    const rows = kinds.querySelectorAll('.bars li');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent?.replace(NBSP, ' ')).toContain('9');
    expect(kinds.textContent).not.toContain('insertion.dashboard.groups.unknown');
  });

  it('shows the definition in the reader’s language and when the figures were consolidated', async () => {
    const { element } = await render();

    expect(element.querySelector('.definition')?.textContent).toContain('Définition en français');
    expect(element.querySelector('.freshness')?.textContent).toContain(
      'insertion.dashboard.freshRollup',
    );
  });

  it('asks again at the horizon chosen', async () => {
    const { harness, indicatorCalls, card } = await render();

    await choose(harness.fixture, 'insertion.dashboard.horizon', 'insertion.dashboard.horizons.12');
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle(harness);

    expect(indicatorCalls().at(-1)?.query).toMatch(/^months=12&groupBy=/);
    expect(card('trained')).toBe('40');
  });

  it('fetches another breakdown for the table only when asked', async () => {
    const { harness, element, indicatorCalls } = await render();
    const before = indicatorCalls().length;

    await choose(
      harness.fixture,
      'insertion.dashboard.breakdownBy',
      'insertion.dashboard.groupBy.course',
    );

    expect(indicatorCalls()).toHaveLength(before + 1);
    expect(indicatorCalls().at(-1)?.query).toBe('months=9&groupBy=course');
    const rows = element.querySelectorAll('.breakdown tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('COOP-120 Coopératives');
    expect(element.querySelector('.breakdown tfoot')?.textContent).toContain('40');
  });

  it('downloads the CSV through the API client, with the bearer token’s client', async () => {
    const saved: string[] = [];
    URL.createObjectURL = jest.fn(() => 'blob:csv');
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    const { harness, element, api } = await render({
      'GET /api/v1/indicators/insertion.csv': () =>
        new Response('\ufeffgroupe;formées\r\n', { headers: { 'Content-Type': 'text/csv' } }),
    });

    [...element.querySelectorAll<HTMLButtonElement>('.page-actions button')][0].click();
    await settle(harness);

    const csvCall = api.calls.find((call) => call.path.endsWith('.csv'));
    expect(csvCall?.query).toBe('months=9&groupBy=region');
    expect(saved).toEqual(['oris-insertion-region-2026-11-26.csv']);
  });

  it('says what went wrong when the figures cannot be read', async () => {
    const { element } = await render({
      'GET /api/v1/indicators/insertion': () => problem(403, 'forbidden', 'Forbidden'),
    });

    expect(element.querySelector('oris-problem-alert')?.textContent?.trim()).not.toBe('');
    expect(element.querySelector('.cards')).toBeNull();
  });
  it('asks with the reference day and the moment of knowledge chosen, read on a Moroccan clock', async () => {
    const { harness, indicatorCalls } = await render();

    await type(harness.fixture, 'insertion.dashboard.asOf', '2026-06-30');
    await type(harness.fixture, 'insertion.dashboard.knownAt', '01/07/2026');
    await type(harness.fixture, 'insertion.dashboard.knownTime', '09:00');
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle(harness);

    const query = new URLSearchParams(indicatorCalls().at(-1)?.query);
    expect(query.get('asOf')).toBe('2026-06-30');
    // 09:00 in Morocco (UTC+1 in July), whatever the device's time zone.
    expect(query.get('knownAt')).toBe('2026-07-01T08:00:00.000Z');
  });

  it('shows the figures’ two dates, and why they are empty when they are', async () => {
    const empty = { trained: 0, eligible: 0, inserted: 0, employed: 0, responded: 0 };
    const { element } = await render(
      {
        'GET /api/v1/indicators/insertion': (call) =>
          Response.json(
            anIndicator(new URLSearchParams(call.query).get('groupBy') as GroupBy, 9, {
              ...empty,
              insertionRate: null,
              notes: [{ code: 'recorded_after_known_at', message: 'Nothing yet', persons: 9 }],
            }),
          ),
      },
      {
        'insertion.dashboard.twoDates': 'Au {{asOf}}, connu le {{knownAt}}.',
        'insertion.dashboard.notes.recorded_after_known_at': 'Enregistrées depuis : {{count}}.',
      },
    );

    expect(element.querySelector('.two-dates')?.textContent?.trim().replace(NBSP, ' ')).toBe(
      'Au 26 novembre 2026, connu le 26 novembre 2026 à 09:00.',
    );
    const note = element.querySelector('.empty-note');
    expect(note?.getAttribute('role')).toBe('status');
    expect(note?.textContent?.trim()).toBe('Enregistrées depuis : 9.');
  });
});
