import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import type { PublicIndicatorCell, PublicIndicators } from '../shared/insertion-types';
import { fakeApi, settle } from '../testing';
import { PublicIndicatorsPage } from './public-indicators-page';

const NBSP = /[\u00a0\u202f]/g;

function aCell(key: string, changes: Partial<PublicIndicatorCell> = {}): PublicIndicatorCell {
  return {
    key,
    trained: 40,
    eligible: 30,
    responded: 20,
    inserted: 10,
    employed: 8,
    insertionRate: 0.5,
    employmentRate: 0.4,
    responseRate: 2 / 3,
    lowerBoundRate: 1 / 3,
    suppressed: false,
    ...changes,
  };
}

const hidden = {
  trained: 7,
  eligible: null,
  responded: null,
  inserted: null,
  employed: null,
  insertionRate: null,
  employmentRate: null,
  responseRate: null,
  lowerBoundRate: null,
  suppressed: true,
};

const FIGURES: PublicIndicators = {
  months: 9,
  quarter: '2026-Q3',
  asOf: '2026-09-30',
  releasedOn: '2026-10-01',
  releasedAt: '2026-10-01T00:15:00Z',
  nextReleaseOn: '2027-01-01',
  minimumCellSize: 5,
  total: aCell('total'),
  byRegion: [aCell('MA-02'), aCell('MA-05', hidden)],
  byYear: [aCell('2025'), aCell('2026', { ...hidden, trained: null })],
  definition: { fr: 'Définition publique', en: 'Public definition', ar: 'تعريف' },
} as PublicIndicators;

async function render(answer: () => Response = () => Response.json(FIGURES)) {
  const api = fakeApi({
    'GET /api/v1/regions': () =>
      Response.json([
        { code: 'MA-02', nameFr: 'L’Oriental', nameAr: 'الشرق', nameEn: 'Oriental' },
        {
          code: 'MA-05',
          nameFr: 'Béni Mellal-Khénifra',
          nameAr: 'بني ملال',
          nameEn: 'Beni Mellal',
        },
      ]),
    'GET /api/v1/public/indicators': answer,
  });
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: {
          fr: {
            insertion: {
              public: {
                asOf: 'Situation au {{asOf}}. Publication du {{releasedOn}}.',
                nextRelease: 'Prochaine publication : {{nextReleaseOn}}.',
              },
            },
          },
        },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([{ path: 'indicators', component: PublicIndicatorsPage }]),
      { provide: API_FETCH, useValue: api.fetch },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl('/indicators', PublicIndicatorsPage);
  await settle(harness);
  return { element: harness.routeNativeElement as HTMLElement, api };
}

describe('PublicIndicatorsPage', () => {
  it('reads the public figures without signing in', async () => {
    const { api } = await render();

    const call = api.calls.find((each) => each.path === '/api/v1/public/indicators');
    expect(call?.authorization).toBeNull();
  });

  it('says which quarterly release it shows and when the next one is', async () => {
    const { element } = await render();

    const [release, next] = [...element.querySelectorAll('.freshness')].map((line) =>
      line.textContent?.trim().replace(NBSP, ' '),
    );
    expect(release).toBe('Situation au 30 septembre 2026. Publication du 1 octobre 2026.');
    expect(next).toBe('Prochaine publication : 1 janvier 2027.');
  });

  it('shows the headline figures', async () => {
    const { element } = await render();

    const values = [...element.querySelectorAll('.card-value')].map((value) =>
      value.textContent?.trim().replace(NBSP, ' '),
    );
    expect(values).toEqual(['40', '10', '50,0 %', '40,0 %']);
  });

  it('shows hidden cells with the "hidden" mark, explained, and the figures that may be shown', async () => {
    const { element } = await render();

    const [, small] = element.querySelectorAll(
      'section[aria-labelledby="by-region-heading"] tbody tr',
    );
    const cells = [...small.querySelectorAll('td')].map((cell) => cell.textContent?.trim());
    expect(small.querySelector('th')?.textContent).toContain('Béni Mellal-Khénifra');
    const mark = 'insertion.public.hiddenMark';
    expect(cells).toEqual(['7', mark, mark, mark, mark]);
    expect(small.querySelector('abbr')?.getAttribute('aria-describedby')).toBe('hidden-cells');
    expect(element.querySelector('#hidden-cells')?.textContent).toContain(
      'insertion.public.hiddenExplanation',
    );
  });

  it('lists the figures by year too', async () => {
    const { element } = await render();

    const rows = element.querySelectorAll('section[aria-labelledby="by-year-heading"] tbody tr');
    expect([...rows].map((row) => row.querySelector('th')?.textContent?.trim())).toEqual([
      '2025',
      '2026',
    ]);
    expect(rows[1].querySelector('td')?.textContent?.trim()).toBe('insertion.public.hiddenMark');
  });

  it('leads with the national figures that can be shown, and says in words why the others are not', async () => {
    const { element } = await render(() =>
      Response.json({
        ...FIGURES,
        total: aCell('total', { inserted: null, insertionRate: null, suppressed: true }),
      }),
    );

    const cards = [...element.querySelectorAll('.card')];
    expect(cards.map((card) => card.getAttribute('data-card'))).toEqual([
      'trained',
      'employment-rate',
      'inserted',
      'insertion-rate',
    ]);
    for (const card of cards) {
      const shown = card.querySelector('.card-value')?.textContent?.trim() ?? '';
      const reason = card.querySelector('.card-reason')?.textContent?.trim() ?? '';
      // Never an empty box: a figure, or the reason there is none.
      expect(shown || reason).not.toBe('');
    }
    expect(cards[2].querySelector('.card-reason')?.textContent?.trim()).toBe(
      'insertion.public.hiddenCard',
    );
  });

  it('says a rate cannot be computed yet when nobody answered', async () => {
    const { element } = await render(() =>
      Response.json({
        ...FIGURES,
        total: aCell('total', { insertionRate: null, employmentRate: null, responded: 0 }),
      }),
    );

    const reasons = [...element.querySelectorAll('.card-reason')].map((reason) =>
      reason.textContent?.trim(),
    );
    expect(reasons).toEqual(['insertion.public.noAnswers', 'insertion.public.noAnswers']);
  });

  it('shows the trend by year before the regions', async () => {
    const { element } = await render();

    const headings = [...element.querySelectorAll('section.oris-card h2')].map((heading) =>
      heading.getAttribute('id'),
    );
    expect(headings.slice(0, 2)).toEqual(['by-year-heading', 'by-region-heading']);
  });

  it('says in words that nothing is published yet, rather than an error', async () => {
    const { element } = await render(() =>
      Response.json(
        { title: 'Not Found', status: 404, code: 'no_public_release' },
        { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );

    expect(element.querySelector('.unreleased')?.textContent?.trim()).toBe(
      'insertion.public.unreleased',
    );
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(element.querySelector('mat-progress-bar')).toBeNull();
  });
});
