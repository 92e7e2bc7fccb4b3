import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { choose, errorOf, type } from '../shared/form-testing';
import { anOrganisation, fakeApi, ORGANISATION_ID, pageOf, settle } from '../testing';
import { OrganisationsPage } from './organisations-page';

const REGIONS = [{ code: 'MA-02', nameFr: 'L’Oriental', nameAr: 'الشرق', nameEn: 'Oriental' }];

async function render(routes: Parameters<typeof fakeApi>[0] = {}) {
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
    providers: [
      provideRouter([{ path: 'insertion/organisations', component: OrganisationsPage }]),
      { provide: API_FETCH, useValue: api.fetch },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl('/insertion/organisations', OrganisationsPage);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('form button[type="submit"]')?.click();
    await settle(harness);
  };
  const writes = () => api.calls.filter((call) => call.method !== 'GET');
  return { harness, element, submit, writes };
}

describe('OrganisationsPage', () => {
  it('lists the registry', async () => {
    const { element } = await render();

    const row = element.querySelector('tbody tr');
    expect(row?.textContent).toContain('Incubateur Oriental Impact');
    expect(row?.textContent).toContain('insertion.organisationKinds.incubator');
    expect(row?.textContent).toContain('L’Oriental');
  });

  it('adds an organisation', async () => {
    const { harness, submit, writes } = await render({
      'POST /api/v1/organisations': () =>
        Response.json(anOrganisation({ id: 'new', name: 'Coopérative Tifawin' }), { status: 201 }),
    });
    await type(harness.fixture, 'insertion.organisations.name', '  Coopérative Tifawin ');
    await choose(
      harness.fixture,
      'insertion.organisations.kind',
      'insertion.organisationKinds.cooperative',
    );
    await choose(harness.fixture, 'insertion.fields.region', 'L’Oriental');

    await submit();

    expect(writes()).toEqual([
      expect.objectContaining({
        method: 'POST',
        body: { name: 'Coopérative Tifawin', kind: 'cooperative', regionCode: 'MA-02' },
      }),
    ]);
  });

  it('sends nothing while the name, kind or region is missing', async () => {
    const { element, submit, writes } = await render();

    await submit();

    expect(writes()).toHaveLength(0);
    expect(errorOf(element, 'insertion.organisations.name')).toBe('validation.required');
  });

  it('corrects an organisation from the list', async () => {
    const { harness, element, submit, writes } = await render({
      [`PATCH /api/v1/organisations/${ORGANISATION_ID}`]: () =>
        Response.json(anOrganisation({ name: 'Oriental Impact' })),
    });
    element.querySelector<HTMLButtonElement>('tbody button')?.click();
    await settle(harness);
    await type(harness.fixture, 'insertion.organisations.name', 'Oriental Impact');

    await submit();

    expect(writes()).toEqual([
      expect.objectContaining({
        method: 'PATCH',
        path: `/api/v1/organisations/${ORGANISATION_ID}`,
        body: {
          name: 'Oriental Impact',
          kind: 'incubator',
          stakeholderGroup: 'support_organisation',
          regionCode: 'MA-02',
        },
      }),
    ]);
  });

  it('says when the name is already taken in the region', async () => {
    const { harness, element, submit } = await render({
      'POST /api/v1/organisations': () =>
        Response.json(
          { type: 'about:blank', title: 'Conflict', status: 409, code: 'organisation_name_taken' },
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        ),
    });
    await type(harness.fixture, 'insertion.organisations.name', 'Incubateur Oriental Impact');
    await choose(
      harness.fixture,
      'insertion.organisations.kind',
      'insertion.organisationKinds.incubator',
    );
    await choose(harness.fixture, 'insertion.fields.region', 'L’Oriental');

    await submit();

    expect(element.querySelector('oris-problem-alert')?.textContent).toContain(
      'insertion.problems.organisationNameTaken',
    );
  });
});
