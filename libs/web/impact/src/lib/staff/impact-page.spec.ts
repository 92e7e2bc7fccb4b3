import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { Role } from '@oris/shared/domain';
import { API_FETCH, AuthSession } from '@oris/web/core';
import { Confirmation } from '@oris/web/ui/dialogs';
import type { Impact } from '../shared/impact-types';
import { aVersion, fakeApi, settle } from '../testing';
import { ImpactPage } from './impact-page';

const IMPACT: Impact = {
  year: 2025,
  asOf: '2026-02-01',
  knownAt: '2026-02-01T10:00:00Z',
  indicators: [
    {
      indicator: 'insertion',
      available: true,
      figures: {
        indicator: 'insertion',
        year: 2025,
        asOf: '2026-02-01',
        knownAt: '2026-02-01T10:00:00Z',
        value: 30,
        companions: [{ key: 'trained', value: 80 }],
        breakdown: [],
        counted: [],
        definition: { version: 'insertion-year-1', text: { fr: 'Déf', ar: 'تعريف', en: 'Def' } },
      },
      target: 40,
      baseline: 20,
      progress: 0.5,
      trend: [{ year: 2025, value: 30, target: 40 }],
    },
    {
      indicator: 'tools',
      available: false,
      figures: null,
      target: null,
      baseline: null,
      progress: null,
      trend: [{ year: 2025, value: null, target: null }],
    },
  ],
};

async function render(roles: Role[], confirmed = true, frozen = false) {
  let versions = frozen ? [aVersion()] : [];
  const api = fakeApi({
    'GET /api/v1/indicators/impact': () => Response.json(IMPACT),
    'GET /api/v1/reports/2025': () => Response.json({ year: 2025, versions }),
    'POST /api/v1/reports/2025/freeze': () => {
      versions = [...versions, aVersion({ version: versions.length + 1 })];
      return Response.json(versions[versions.length - 1], { status: 201 });
    },
  });
  const ask = jest.fn(async () => confirmed);
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: { impact: { card: { notAvailable: 'Non disponible ici' } } } },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([{ path: 'observatory/impact', component: ImpactPage }]),
      { provide: API_FETCH, useValue: api.fetch },
      { provide: Confirmation, useValue: { ask } },
      {
        provide: AuthSession,
        useValue: {
          user: () => null,
          accessToken: () => 'token-in-memory',
          refresh: async () => null,
          hasAnyRole: (wanted: readonly Role[]) => wanted.some((role) => roles.includes(role)),
        },
      },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl('/observatory/impact?year=2025', ImpactPage);
  await settle(harness);
  return { harness, element: harness.routeNativeElement as HTMLElement, api, ask };
}

const freezeButton = (element: HTMLElement) =>
  element.querySelector<HTMLButtonElement>('.freeze button');

describe('ImpactPage', () => {
  it('asks for the year in the address and shows each indicator, a missing one in words', async () => {
    const { element, api } = await render(['observatory_editor']);
    const call = api.calls.find((each) => each.path === '/api/v1/indicators/impact');
    expect(call?.query).toBe('year=2025');
    const insertion = element.querySelector('[data-indicator="insertion"]');
    expect(insertion?.querySelector('.value a')?.textContent?.trim()).toBe('30');
    expect(insertion?.querySelector('.value a')?.getAttribute('href')).toMatch(
      /^\/observatory\/impact\/records\/insertion\?year=2025/,
    );
    expect(
      element.querySelector('[data-indicator="tools"] .unavailable')?.textContent?.trim(),
    ).toBe('Non disponible ici');
    // Freezing and targets are for administrators.
    expect(freezeButton(element)).toBeNull();
    expect(element.querySelector('oris-target-form')).toBeNull();
  });

  it('freezes the year once the administrator confirms, then shows the version', async () => {
    const { harness, element, api, ask } = await render(['admin']);
    freezeButton(element)?.click();
    await settle(harness);
    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ titleKey: 'impact.freeze.title' }));
    expect(api.calls.filter((each) => each.method === 'POST')).toHaveLength(1);
    expect(element.querySelector('[data-version="1"]')).not.toBeNull();
  });

  it('changes nothing when the administrator cancels', async () => {
    const { harness, element, api } = await render(['admin'], false);
    freezeButton(element)?.click();
    await settle(harness);
    expect(api.calls.filter((each) => each.method === 'POST')).toHaveLength(0);
  });

  it('asks for the reason of a restatement before confirming it', async () => {
    const { harness, element, api, ask } = await render(['admin'], true, true);
    freezeButton(element)?.click();
    await settle(harness);
    expect(ask).not.toHaveBeenCalled();
    const reason = element.querySelector<HTMLTextAreaElement>('.freeze textarea');
    if (!reason) throw new Error('no reason field');
    reason.value = 'Emplois validés après le rapport';
    reason.dispatchEvent(new Event('input'));
    freezeButton(element)?.click();
    await settle(harness);
    expect(ask).toHaveBeenCalledWith(
      expect.objectContaining({ titleKey: 'impact.freeze.restateTitle' }),
    );
    const post = api.calls.find((each) => each.method === 'POST');
    expect(post?.body).toEqual({ reason: 'Emplois validés après le rapport' });
    expect(element.querySelector('[data-version="2"]')).not.toBeNull();
  });
});
