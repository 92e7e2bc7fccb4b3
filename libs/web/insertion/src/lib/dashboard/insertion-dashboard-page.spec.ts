import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
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
  url = '/insertion/dashboard',
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
  await harness.navigateByUrl(url, InsertionDashboardPage);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const indicatorCalls = () =>
    api.calls.filter((call) => call.path === '/api/v1/indicators/insertion');
  const card = (key: string) =>
    element.querySelector(`[data-card="insertion.dashboard.cards.${key}"]`)?.textContent?.trim();
  const address = () => TestBed.inject(Router).url;
  return { harness, element, api, indicatorCalls, card, address };
}

/** Lets the filters' debounce pass, then the navigation and the answers land. */
async function afterDebounce(harness: RouterTestingHarness): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 350));
  await settle(harness);
  await settle(harness);
}

const NBSP = /[\u00a0\u202f]/g;

describe('InsertionDashboardPage', () => {
  // Several journeys wait for the filters' debounce and a navigation: more than jest's 5 s on a busy machine.
  jest.setTimeout(30_000);

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
    await afterDebounce(harness);

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
    await settle(harness);

    expect(indicatorCalls()).toHaveLength(before + 1);
    expect(indicatorCalls().at(-1)?.query).toBe('months=9&groupBy=course');
    const rows = element.querySelectorAll('.breakdown tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('COOP-120 Coopératives');
    expect(element.querySelector('.breakdown tfoot')?.textContent).toContain('40');
  });

  it('downloads the CSV and the XLSX through the API client, labelled in the reader’s language', async () => {
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
      'GET /api/v1/indicators/insertion.xlsx': () =>
        new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
          headers: {
            'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          },
        }),
    });
    const [csv, xlsx] = [...element.querySelectorAll<HTMLButtonElement>('.page-actions button')];

    csv.click();
    await settle(harness);
    xlsx.click();
    await settle(harness);

    const csvCall = api.calls.find((call) => call.path.endsWith('.csv'));
    expect(csvCall?.query).toBe('months=9&groupBy=region&lang=fr');
    const xlsxCall = api.calls.find((call) => call.path.endsWith('.xlsx'));
    expect(xlsxCall?.query).toBe('months=9&groupBy=region&lang=fr');
    expect(saved).toEqual([
      'oris-insertion-region-2026-11-26.csv',
      'oris-insertion-region-2026-11-26.xlsx',
    ]);
  });

  it('shows each rate with its n: beside every bar, in every rate cell and on the rate cards', async () => {
    const { element } = await render({}, { 'insertion.dashboard.n': 'n = {{n}}' });

    const bars = element.querySelector('oris-bar-chart')?.querySelectorAll('.bars li') ?? [];
    expect(bars[0].querySelector('.n')?.textContent?.trim()).toBe('n = 12');
    const rows = element.querySelectorAll('.breakdown tbody tr');
    const cells = [...rows[0].querySelectorAll('td')].slice(5);
    expect(cells.map((cell) => cell.querySelector('.n')?.textContent)).toEqual([
      'n = 12',
      'n = 12',
      'n = 16',
    ]);
    const totals = [...element.querySelectorAll('.breakdown tfoot td')].slice(5);
    expect(totals.map((cell) => cell.querySelector('.n')?.textContent)).toEqual([
      'n = 24',
      'n = 24',
      'n = 32',
    ]);
    expect([...element.querySelectorAll('.card-n')].map((n) => n.textContent?.trim())).toEqual([
      'n = 24',
      'n = 24',
      'n = 32',
      'n = 32',
    ]);
  });

  it('keeps every filter in the address: chosen in the form, read back on a reload', async () => {
    const { harness, address } = await render();

    await choose(harness.fixture, 'insertion.dashboard.horizon', 'insertion.dashboard.horizons.12');
    await type(harness.fixture, 'insertion.dashboard.asOf', '2026-06-30');
    await type(harness.fixture, 'insertion.dashboard.knownAt', '2026-07-01');
    await type(harness.fixture, 'insertion.dashboard.knownTime', '09:00');
    await choose(harness.fixture, 'insertion.fields.region', 'Tanger-Tétouan-Al Hoceïma');
    await afterDebounce(harness);
    await choose(
      harness.fixture,
      'insertion.dashboard.breakdownBy',
      'insertion.dashboard.groupBy.gender',
    );
    await settle(harness);

    const shared = address();
    const params = new URLSearchParams(shared.split('?')[1]);
    expect(Object.fromEntries(params)).toEqual({
      months: '12',
      asOf: '2026-06-30',
      knownAt: '2026-07-01T09:00',
      region: 'MA-01',
      table: 'gender',
    });

    // The same address in a new tab (or after a reload): the same figures, the same form.
    TestBed.resetTestingModule();
    const reloaded = await render({}, {}, shared);
    const query = new URLSearchParams(reloaded.indicatorCalls()[0].query);
    expect(query.get('months')).toBe('12');
    expect(query.get('asOf')).toBe('2026-06-30');
    expect(query.get('knownAt')).toBe('2026-07-01T08:00:00.000Z');
    expect(query.get('region')).toBe('MA-01');
    expect(
      reloaded.element.querySelector<HTMLInputElement>('input[formcontrolname="asOf"]')?.value,
    ).toBe('30/06/2026');
    expect(reloaded.element.querySelector('.table-head mat-select')?.textContent).toContain(
      'insertion.dashboard.groupBy.gender',
    );
  });

  it('follows the address when it changes without the form (the back button, a link)', async () => {
    const { harness, indicatorCalls, address } = await render();

    await choose(harness.fixture, 'insertion.dashboard.horizon', 'insertion.dashboard.horizons.6');
    await afterDebounce(harness);
    expect(address()).toContain('months=6');
    expect(indicatorCalls().at(-1)?.query).toMatch(/^months=6&/);

    // What the back button does: the router navigates to the previous address.
    await TestBed.inject(Router).navigateByUrl('/insertion/dashboard');
    await settle(harness);

    expect(address()).toBe('/insertion/dashboard');
    expect(indicatorCalls().at(-1)?.query).toMatch(/^months=9&/);
    expect(harness.routeNativeElement?.querySelector('.filters mat-select')?.textContent).toContain(
      'insertion.dashboard.horizons.9',
    );
  });

  it('ignores an address it could not have written, and shows the defaults', async () => {
    const { indicatorCalls } = await render(
      {},
      {},
      '/insertion/dashboard?months=7&region=MA-99&asOf=soon&table=colour&session=x',
    );

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
    await afterDebounce(harness);

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
