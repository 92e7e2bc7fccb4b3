import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import type { Placement } from '../shared/insertion-types';
import { choose, errorOf, fieldOf, type } from '../shared/form-testing';
import {
  aPlacement,
  aSituation,
  anOrganisation,
  ENROLLMENT_ID,
  fakeApi,
  ORGANISATION_ID,
  pageOf,
  PERSON_ID,
  PLACEMENT_ID,
  settle,
} from '../testing';
import { PlacementForm } from './placement-form';
import { todayInMorocco } from '@oris/shared/domain';

const REGIONS = [
  { code: 'MA-01', nameFr: 'Tanger-Tétouan-Al Hoceïma', nameAr: 'طنجة', nameEn: 'Tanger' },
  { code: 'MA-02', nameFr: 'L’Oriental', nameAr: 'الشرق', nameEn: 'Oriental' },
];

async function render(
  routes: Parameters<typeof fakeApi>[0] = {},
  placement: Placement | null = null,
) {
  const api = fakeApi({
    'GET /api/v1/regions': () => Response.json(REGIONS),
    'GET /api/v1/organisations': () => Response.json(pageOf([anOrganisation()])),
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
    providers: [{ provide: API_FETCH, useValue: api.fetch }],
  });
  const fixture = TestBed.createComponent(PlacementForm);
  fixture.componentRef.setInput('personId', PERSON_ID);
  fixture.componentRef.setInput('completions', aSituation().completions);
  fixture.componentRef.setInput('placement', placement);
  const saved: Placement[] = [];
  fixture.componentInstance.saved.subscribe((value) => saved.push(value));
  await settle(fixture);
  const element = fixture.nativeElement as HTMLElement;
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(fixture);
  };
  const writes = () => api.calls.filter((call) => call.method !== 'GET');
  return { fixture, element, submit, writes, saved };
}

/** A wage job at a freely named employer, every field the rules ask for given. */
async function fillWageJob(fixture: Awaited<ReturnType<typeof render>>['fixture']) {
  const element = fixture.nativeElement as HTMLElement;
  await choose(fixture, 'insertion.fields.kind', 'insertion.kinds.wage_employment');
  await choose(fixture, 'insertion.fields.contract', 'insertion.contracts.fixed_term');
  element.querySelector<HTMLInputElement>('input[type="radio"][value="free"]')?.click();
  await settle(fixture);
  await type(fixture, 'insertion.fields.employerName', 'Coopérative Argane Sud');
  await type(fixture, 'insertion.fields.sector', 'Agro-alimentaire');
  await type(fixture, 'insertion.fields.position', 'Chargée de commercialisation');
  await type(fixture, 'insertion.fields.startOn', '2026-05-04');
}

describe('PlacementForm', () => {
  it('asks for the contract only for wage employment', async () => {
    const { fixture, element } = await render();

    await choose(fixture, 'insertion.fields.kind', 'insertion.kinds.further_studies');
    expect(() => fieldOf(element, 'insertion.fields.contract')).toThrow();

    await choose(fixture, 'insertion.fields.kind', 'insertion.kinds.wage_employment');
    expect(() => fieldOf(element, 'insertion.fields.contract')).not.toThrow();
  });

  it('records a situation for the person, with the region of their training by default', async () => {
    const { fixture, submit, writes, saved } = await render({
      'POST /api/v1/placements': () => Response.json(aPlacement(), { status: 201 }),
    });
    await fillWageJob(fixture);

    await submit();

    expect(writes()).toHaveLength(1);
    expect(writes()[0].body).toEqual({
      userId: PERSON_ID,
      enrollmentId: ENROLLMENT_ID,
      kind: 'wage_employment',
      contract: 'fixed_term',
      organisationId: null,
      employerName: 'Coopérative Argane Sud',
      sector: 'Agro-alimentaire',
      position: 'Chargée de commercialisation',
      regionCode: 'MA-02',
      startOn: '2026-05-04',
      endOn: null,
      source: 'officer',
      evidence: 'confirmed',
      note: null,
      validate: false,
    });
    expect(saved).toHaveLength(1);
  });

  it('names a partner chosen from the registry', async () => {
    const { fixture, element, submit, writes } = await render({
      'POST /api/v1/placements': () => Response.json(aPlacement(), { status: 201 }),
    });
    await fillWageJob(fixture);
    element.querySelector<HTMLInputElement>('input[type="radio"][value="registry"]')?.click();
    await settle(fixture);
    const search = fieldOf(element, 'insertion.fields.organisation').querySelector('input');
    search?.dispatchEvent(new Event('focusin'));
    await settle(fixture);
    [...document.querySelectorAll<HTMLElement>('mat-option')]
      .find((option) => option.textContent?.includes('Incubateur Oriental Impact'))
      ?.click();
    await settle(fixture);

    await submit();

    expect(writes()[0].body).toMatchObject({
      organisationId: ORGANISATION_ID,
      employerName: null,
    });
  });

  it('checks the situation rules before sending, and says which field is wrong', async () => {
    const { fixture, element, submit, writes } = await render();
    await fillWageJob(fixture);
    await type(fixture, 'insertion.fields.startOn', '2999-01-01');
    await type(fixture, 'insertion.fields.sector', '  ');

    await submit();

    expect(writes()).toHaveLength(0);
    expect(errorOf(element, 'insertion.fields.startOn')).toBe('insertion.rules.startInFuture');
    expect(errorOf(element, 'insertion.fields.sector')).toBe('insertion.rules.requiredForKind');
  });

  it('refuses an end before the start', async () => {
    const { fixture, element, submit, writes } = await render();
    await fillWageJob(fixture);
    await type(fixture, 'insertion.fields.endOn', '2026-05-01');

    await submit();

    expect(writes()).toHaveLength(0);
    expect(errorOf(element, 'insertion.fields.endOn')).toBe('insertion.rules.endBeforeStart');
  });

  it('shows what the server refuses on the field it names', async () => {
    const { fixture, element, submit } = await render({
      'POST /api/v1/placements': () =>
        Response.json(
          {
            type: 'about:blank',
            title: 'Bad Request',
            status: 400,
            errors: [{ field: 'position', message: 'position must be shorter' }],
          },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    });
    await fillWageJob(fixture);

    await submit();

    expect(errorOf(element, 'insertion.fields.position')).toBe('position must be shorter');
  });

  it('changes a placement by sending only what changed, and validates it when asked', async () => {
    const { fixture, element, submit, writes } = await render(
      {
        [`PATCH /api/v1/placements/${PLACEMENT_ID}`]: () =>
          Response.json(aPlacement({ version: 2, validated: true })),
      },
      aPlacement(),
    );
    await type(fixture, 'insertion.fields.position', 'Responsable commerciale');
    element.querySelector<HTMLInputElement>('mat-checkbox input')?.click();
    await settle(fixture);

    await submit();

    expect(writes()).toEqual([
      expect.objectContaining({
        method: 'PATCH',
        body: { position: 'Responsable commerciale', validate: true },
      }),
    ]);
  });

  it('writes no version when nothing changed, and says so', async () => {
    const { submit, writes, element } = await render({}, aPlacement());

    await submit();

    expect(writes()).toHaveLength(0);
    expect(element.querySelector('.unchanged')?.textContent).toContain('insertion.form.unchanged');
  });

  it('does not offer a start date after today', async () => {
    const { element } = await render();

    const start = fieldOf(element, 'insertion.fields.startOn').querySelector('input');
    expect(start?.getAttribute('max')).toBe(todayInMorocco());
  });
});

describe('PlacementForm for a follow-up answered by phone', () => {
  it('asks only the facts, and sends them as the follow-up’s answer', async () => {
    const api = fakeApi({
      'GET /api/v1/regions': () => Response.json(REGIONS),
      'GET /api/v1/organisations': () => Response.json(pageOf([])),
      'POST /api/v1/followups/f1/answer': () => Response.json({ id: 'f1', status: 'answered' }),
    });
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { fr: {} },
          translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
          preloadLangs: true,
        }),
      ],
      providers: [{ provide: API_FETCH, useValue: api.fetch }],
    });
    const fixture = TestBed.createComponent(PlacementForm);
    fixture.componentRef.setInput('personId', PERSON_ID);
    fixture.componentRef.setInput('followup', { id: 'f1', regionCode: 'MA-01' });
    const answered: unknown[] = [];
    fixture.componentInstance.answered.subscribe((value) => answered.push(value));
    await settle(fixture);
    const element = fixture.nativeElement as HTMLElement;

    expect(() => fieldOf(element, 'insertion.fields.source')).toThrow();
    expect(() => fieldOf(element, 'insertion.fields.evidence')).toThrow();
    expect(element.querySelector('mat-checkbox')).toBeNull();

    await choose(fixture, 'insertion.fields.kind', 'insertion.kinds.self_employment');
    await type(fixture, 'insertion.fields.startOn', '2026-04-01');
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(fixture);

    const post = api.calls.find((call) => call.method === 'POST');
    expect(post?.body).toEqual({
      kind: 'self_employment',
      contract: null,
      organisationId: null,
      employerName: null,
      sector: null,
      position: null,
      regionCode: 'MA-01',
      startOn: '2026-04-01',
      endOn: null,
      note: null,
    });
    expect(answered).toHaveLength(1);
  });
});
