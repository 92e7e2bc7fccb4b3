import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { UserDto } from '@oris/shared/api-client';
import { API_FETCH } from '@oris/web/core';
import { UsersPage } from './users-page';

function person(id: string, fullName: string, roles: UserDto['roles']): UserDto {
  return {
    id,
    email: `${id}@oris.example`,
    fullName,
    fullNameAr: null,
    gender: 'female',
    birthYear: 1990,
    regionCode: 'MA-06',
    phone: null,
    locale: 'fr',
    roles,
    createdAt: '2026-01-01T00:00:00Z',
    disabledAt: null,
    erasedAt: null,
    emailConfirmedAt: '2026-01-01T00:00:00Z',
  };
}

async function render({ disabled = [] as string[] } = {}) {
  const people = [
    person('amal', 'Amal Tazi', ['trainee']),
    person('badr', 'Badr Alami', ['trainee']),
  ].map((user) =>
    disabled.includes(user.id) ? { ...user, disabledAt: '2026-02-01T00:00:00Z' } : user,
  );
  const queries: string[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/regions') return Response.json([]);
    if (url.pathname === '/api/v1/users') {
      queries.push(url.search);
      return Response.json({ items: people, total: people.length, page: 1, pageSize: 20 });
    }
    const grant = /^\/api\/v1\/users\/(\w+)\/roles\/(\w+)$/.exec(url.pathname);
    if (grant) {
      const target = people.find((p) => p.id === grant[1]) as UserDto;
      const role = grant[2] as UserDto['roles'][number];
      target.roles =
        request.method === 'PUT' ? [...target.roles, role] : target.roles.filter((r) => r !== role);
      return Response.json(target);
    }
    const disabling = /^\/api\/v1\/users\/(\w+)\/disabled$/.exec(url.pathname);
    if (disabling) {
      const target = people.find((p) => p.id === disabling[1]) as UserDto;
      target.disabledAt = request.method === 'PUT' ? '2026-02-01T00:00:00Z' : null;
      return Response.json(target);
    }
    return new Response(null, { status: 404 });
  };
  TestBed.configureTestingModule({
    imports: [
      UsersPage,
      TranslocoTestingModule.forRoot({
        langs: {
          fr: {
            roles: {
              trainee: 'Apprenant',
              trainer: 'Formateur',
              placement_officer: "Chargé d'insertion",
              admin: 'Administrateur',
            },
            admin: {
              users: {
                editRolesOf: 'Rôles de {{name}}',
                disable: 'Désactiver le compte',
                enable: 'Réactiver le compte',
                disabledBadge: 'Désactivé',
              },
            },
          },
        },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [{ provide: API_FETCH, useValue: fetch }],
  });
  const fixture = TestBed.createComponent(UsersPage);
  await fixture.whenStable();
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const rolesOf = (name: string) => {
    const row = [...element.querySelectorAll('tr')].find((tr) => tr.textContent?.includes(name));
    return [...(row?.querySelectorAll('.roles li') ?? [])].map((li) => li.textContent?.trim());
  };
  return { fixture, element, rolesOf, queries };
}

describe('UsersPage', () => {
  it('lists the first page of accounts', async () => {
    const { rolesOf, queries } = await render();

    expect(queries).toEqual(['?page=1&pageSize=20']);
    expect(rolesOf('Amal Tazi')).toEqual(['Apprenant']);
  });

  it('grants a role and shows it in the row', async () => {
    const { fixture, element, rolesOf } = await render();

    element.querySelector<HTMLButtonElement>('button[aria-label="Rôles de Amal Tazi"]')?.click();
    await fixture.whenStable();
    const trainer = [
      ...document.querySelectorAll<HTMLButtonElement>('[role="menuitemcheckbox"]'),
    ].find((item) => item.textContent?.includes('Formateur'));
    expect(trainer?.getAttribute('aria-checked')).toBe('false');
    trainer?.click();
    await fixture.whenStable();
    await fixture.whenStable();

    expect(rolesOf('Amal Tazi')).toEqual(['Apprenant', 'Formateur']);
    expect(rolesOf('Badr Alami')).toEqual(['Apprenant']);
  });

  const row = (element: HTMLElement, name: string) =>
    [...element.querySelectorAll('tr')].find((tr) => tr.textContent?.includes(name));

  async function chooseInMenuOfAmal(fixture: { whenStable(): Promise<unknown> }, label: string) {
    document.querySelector<HTMLButtonElement>('button[aria-label="Rôles de Amal Tazi"]')?.click();
    await fixture.whenStable();
    const item = [...document.querySelectorAll<HTMLButtonElement>('[mat-menu-item]')].find(
      (candidate) => candidate.textContent?.includes(label),
    );
    expect(item?.textContent).toContain(label);
    item?.click();
    await fixture.whenStable();
    await fixture.whenStable();
  }

  it('disables an account and marks its row', async () => {
    const { fixture, element } = await render();

    await chooseInMenuOfAmal(fixture, 'Désactiver le compte');

    expect(row(element, 'Amal Tazi')?.querySelector('.disabled-badge')?.textContent).toContain(
      'Désactivé',
    );
    expect(row(element, 'Badr Alami')?.querySelector('.disabled-badge')).toBeNull();
  });

  it('offers to enable a disabled account again', async () => {
    const { fixture, element } = await render({ disabled: ['amal'] });
    expect(row(element, 'Amal Tazi')?.querySelector('.disabled-badge')).not.toBeNull();

    await chooseInMenuOfAmal(fixture, 'Réactiver le compte');

    expect(row(element, 'Amal Tazi')?.querySelector('.disabled-badge')).toBeNull();
  });

  it('searches from the first page once typing pauses', async () => {
    const { fixture, element, queries } = await render();
    const search = element.querySelector<HTMLInputElement>(
      'input[type="search"]',
    ) as HTMLInputElement;

    search.value = 'ama';
    search.dispatchEvent(new Event('input'));
    search.value = 'amal';
    search.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 350));
    await fixture.whenStable();

    expect(queries).toEqual(['?page=1&pageSize=20', '?page=1&pageSize=20&q=amal']);
  });
});
