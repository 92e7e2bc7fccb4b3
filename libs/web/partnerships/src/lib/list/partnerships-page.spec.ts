import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { fakeApi, pageOf, settle } from '@oris/web/testing';
import { aSummary } from '../testing';
import { PartnershipsPage } from './partnerships-page';

async function render() {
  const api = fakeApi({
    'GET /api/v1/partnerships': (call) =>
      Response.json(
        pageOf(
          call.query.includes('status=renewal_due')
            ? [
                aSummary({
                  title: 'Convention Réseau',
                  status: 'renewal_due',
                  currentEnd: '2026-12-26',
                }),
              ]
            : [aSummary()],
        ),
      ),
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
      provideRouter([{ path: 'observatory/partnerships', component: PartnershipsPage }]),
      { provide: API_FETCH, useValue: api.fetch },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl('/observatory/partnerships', PartnershipsPage);
  await settle(harness);
  return { harness, element: harness.routeNativeElement as HTMLElement, api };
}

describe('PartnershipsPage', () => {
  it('lists the partnerships with their computed status', async () => {
    const { element } = await render();

    const row = element.querySelector('tbody tr');
    expect(row?.textContent).toContain('Protocole d’accord Fondation Atlas');
    expect(row?.textContent).toContain('partnerships.statuses.draft');
    expect(row?.textContent).toContain('partnerships.openEnded');
  });

  it('filters by status when a chip is pressed, and says it is pressed', async () => {
    const { harness, element, api } = await render();
    const chip = [...element.querySelectorAll<HTMLButtonElement>('.status-chips button')].find(
      (button) => button.textContent?.includes('partnerships.statuses.renewal_due'),
    ) as HTMLButtonElement;

    chip.click();
    await settle(harness);

    expect(api.calls.at(-1)?.query).toContain('status=renewal_due');
    expect(chip.getAttribute('aria-pressed')).toBe('true');
    expect(element.querySelector('tbody tr')?.textContent).toContain('Convention Réseau');
  });
});
