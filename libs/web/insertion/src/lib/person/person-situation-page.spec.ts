import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import type { PersonSituation } from '../shared/insertion-types';
import {
  aPlacement,
  aSituation,
  aVersion,
  fakeApi,
  pageOf,
  PERSON_ID,
  PLACEMENT_ID,
  problem,
  settle,
} from '../testing';
import { PersonSituationPage } from './person-situation-page';

async function render(routes: Parameters<typeof fakeApi>[0], situations: PersonSituation[]) {
  const answers = [...situations];
  const api = fakeApi({
    'GET /api/v1/regions': () => Response.json([]),
    'GET /api/v1/organisations': () => Response.json(pageOf([])),
    [`GET /api/v1/people/${PERSON_ID}/situation`]: () =>
      Response.json(answers.length > 1 ? answers.shift() : answers[0]),
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
      provideRouter([{ path: 'insertion/people/:id', component: PersonSituationPage }]),
      { provide: API_FETCH, useValue: api.fetch },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(`/insertion/people/${PERSON_ID}`, PersonSituationPage);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const button = (text: string) =>
    [...element.querySelectorAll<HTMLButtonElement>('button')].find((candidate) =>
      candidate.textContent?.includes(text),
    );
  return { harness, element, api, button };
}

describe('PersonSituationPage', () => {
  it('shows the completions with the situation at enrollment', async () => {
    const { element } = await render({}, [aSituation()]);

    expect(element.querySelector('h1')?.textContent).toContain('Salma Bennani');
    const completion = element.querySelector('tbody tr');
    expect(completion?.textContent).toContain('Créer et gérer une coopérative');
    expect(completion?.textContent).toContain('insertion.baseline.seeking');
    expect(completion?.textContent).toContain('insertion.education.licence');
    expect(element.textContent).toContain('insertion.person.noPlacements');
  });

  it('shows the person’s phone as a tel: link read left to right, and no link without one', async () => {
    const { element } = await render({}, [aSituation()]);
    const link = element.querySelector<HTMLAnchorElement>('.oris-lead a[href^="tel:"]');
    expect(link?.getAttribute('href')).toBe('tel:+212612345678');
    expect(link?.getAttribute('dir')).toBe('ltr');
    expect(link?.textContent?.trim()).toBe('+212 6 12 34 56 78');
    TestBed.resetTestingModule();

    const withoutPhone = aSituation();
    withoutPhone.person.phone = null;
    const again = await render({}, [withoutPhone]);
    expect(again.element.querySelector('a[href^="tel:"]')).toBeNull();
  });

  it('validates an unvalidated situation and shows it validated', async () => {
    const { harness, element, api, button } = await render(
      {
        [`POST /api/v1/placements/${PLACEMENT_ID}/validate`]: () =>
          Response.json(aPlacement({ validated: true })),
      },
      [aSituation([aPlacement()]), aSituation([aPlacement({ validated: true, version: 2 })])],
    );
    expect(element.querySelector('oris-validation-chip')?.textContent).toContain(
      'insertion.validation.pending',
    );

    button('insertion.person.validate')?.click();
    await settle(harness);

    expect(
      api.calls.some((call) => call.method === 'POST' && call.path.endsWith('/validate')),
    ).toBe(true);
    expect(element.querySelector('oris-validation-chip')?.textContent).toContain(
      'insertion.validation.validated',
    );
    expect(button('insertion.person.validate')).toBeUndefined();
    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      'insertion.person.validated',
    );
  });

  it('offers no validation of a situation already validated', async () => {
    const { button } = await render({}, [aSituation([aPlacement({ validated: true })])]);

    expect(button('insertion.person.validate')).toBeUndefined();
    expect(button('insertion.person.change')?.disabled).toBe(false);
  });

  it('shows who changed what, version by version', async () => {
    const { harness, element, button } = await render(
      {
        [`GET /api/v1/placements/${PLACEMENT_ID}`]: () =>
          Response.json({
            ...aPlacement({ version: 2 }),
            versions: [
              aVersion({
                version: 2,
                changes: ['position', 'validated'],
                recordedBy: { id: 'o2', fullName: 'Youssef Amrani' },
                validated: true,
                validatedBy: { id: 'o2', fullName: 'Youssef Amrani' },
              }),
              aVersion({ version: 1 }),
            ],
          }),
      },
      [aSituation([aPlacement({ version: 2 })])],
    );

    button('insertion.person.showHistory')?.click();
    await settle(harness);

    const rows = element.querySelectorAll('oris-version-history tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('Youssef Amrani');
    expect(rows[0].textContent).toContain('insertion.fieldNames.position');
    expect(rows[0].textContent).toContain('insertion.history.validatedBy');
    expect(rows[1].textContent).toContain('insertion.history.created');
    expect(button('insertion.person.hideHistory')?.getAttribute('aria-expanded')).toBe('true');
  });

  it('opens the form to record a situation', async () => {
    const { harness, element, button } = await render({}, [aSituation()]);

    button('insertion.person.record')?.click();
    await settle(harness);

    expect(element.querySelector('oris-placement-form')).not.toBeNull();
    expect(element.querySelector('#placement-form-heading')?.textContent).toContain(
      'insertion.person.recordHeading',
    );
  });

  it('says when the person cannot be found', async () => {
    const { element } = await render(
      { [`GET /api/v1/people/${PERSON_ID}/situation`]: () => problem(404, 'person_not_found') },
      [],
    );

    expect(element.querySelector('oris-problem-alert')?.textContent).toContain(
      'insertion.problems.notFound',
    );
  });
});
