import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { fakeApi, PUBLIC_IMPACT, settle } from '../testing';
import { PublicImpactPage } from './public-impact-page';

async function render() {
  const api = fakeApi({ 'GET /api/v1/public/impact': () => Response.json(PUBLIC_IMPACT) });
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: {
          fr: {
            impact: {
              public: {
                year: 'Année {{year}}',
                hidden: 'Masqué',
                notAvailable: 'Pas encore mesuré',
                restated: 'Rectificatif (version {{version}}).',
                companion: '{{label}} : {{value}}',
              },
            },
          },
        },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([{ path: 'impact', component: PublicImpactPage }]),
      { provide: API_FETCH, useValue: api.fetch },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl('/impact', PublicImpactPage);
  await settle(harness);
  return { element: harness.routeNativeElement as HTMLElement, api };
}

const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim();

describe('PublicImpactPage', () => {
  it('reads the frozen figures without signing in', async () => {
    const { api } = await render();
    const call = api.calls.find((each) => each.path === '/api/v1/public/impact');
    expect(call?.authorization).toBeNull();
  });

  it('shows each frozen year with its restatement, a hidden count and a missing indicator in words', async () => {
    const { element } = await render();
    expect(text(element.querySelector('h2'))).toBe('Année 2025');
    expect(text(element.querySelector('.restated'))).toBe('Rectificatif (version 2).');
    const card = (indicator: string) => element.querySelector(`[data-indicator="${indicator}"]`);
    expect(text(card('insertion')?.querySelector('.card-reason') ?? null)).toBe('Masqué');
    expect(text(card('publications')?.querySelector('.card-value') ?? null)).toBe('12');
    expect(text(card('tools')?.querySelector('.card-reason') ?? null)).toBe('Pas encore mesuré');
  });

  it('links the open data files and their licence', async () => {
    const { element } = await render();
    const hrefs = [...element.querySelectorAll('.links a')].map((link) =>
      link.getAttribute('href'),
    );
    expect(hrefs).toEqual([
      'http://localhost/api/v1/public/impact.csv',
      'http://localhost/api/v1/public/impact.json',
      'https://creativecommons.org/licenses/by/4.0/',
    ]);
  });
});
