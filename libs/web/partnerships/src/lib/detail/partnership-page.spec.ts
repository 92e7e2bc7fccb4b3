import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { fakeApi, settle } from '@oris/web/testing';
import { aPartnership, PARTNERSHIP_ID, PARTY_ID } from '../testing';
import { PartnershipPage } from './partnership-page';

async function render() {
  const signed = aPartnership({
    status: 'signed_not_started',
    signedOn: '2026-12-05',
    parties: aPartnership().parties.map((party) => ({
      ...party,
      signedOn: '2026-12-05',
      signedRecordedAt: '2026-12-06T09:00:00Z',
    })),
  });
  const api = fakeApi({
    [`GET /api/v1/partnerships/${PARTNERSHIP_ID}`]: () => Response.json(aPartnership()),
    [`POST /api/v1/partnerships/${PARTNERSHIP_ID}/signatures`]: () => Response.json(signed),
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
      provideRouter([{ path: 'observatory/partnerships/:id', component: PartnershipPage }]),
      { provide: API_FETCH, useValue: api.fetch },
    ],
  });
  const harness = await RouterTestingHarness.create();
  const page = await harness.navigateByUrl(
    `/observatory/partnerships/${PARTNERSHIP_ID}`,
    PartnershipPage,
  );
  await settle(harness);
  return { harness, page, element: harness.routeNativeElement as HTMLElement, api };
}

describe('PartnershipPage', () => {
  it('explains the computed status and shows the signature awaited', async () => {
    const { element } = await render();

    expect(element.querySelector('h1')?.textContent).toContain(
      'Protocole d’accord Fondation Atlas',
    );
    expect(element.textContent).toContain('partnerships.explain.draft');
    expect(element.textContent).toContain('partnerships.detail.awaitingSignature');
  });

  it('records a signature and shows the new status', async () => {
    const { harness, page, element, api } = await render();
    const form = (page as unknown as { signatureForm: { setValue(v: object): void } })
      .signatureForm;
    form.setValue({ partyId: PARTY_ID, signedOn: '2026-12-05' });
    element.querySelector<HTMLFormElement>('form[aria-labelledby="sign-heading"]')?.requestSubmit();
    await settle(harness);

    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      partyId: PARTY_ID,
      signedOn: '2026-12-05',
    });
    expect(element.textContent).toContain('partnerships.statuses.signed_not_started');
    expect(element.textContent).not.toContain('partnerships.detail.awaitingSignature');
  });
});
