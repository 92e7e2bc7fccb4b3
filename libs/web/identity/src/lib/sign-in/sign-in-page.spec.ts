import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap, provideRouter, Router } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH } from '@oris/web/core';
import { SignInPage } from './sign-in-page';

async function render(login: () => Response, returnUrl: string | null = null) {
  TestBed.configureTestingModule({
    imports: [
      SignInPage,
      TranslocoTestingModule.forRoot({
        langs: {
          fr: {
            identity: { signIn: { invalidCredentials: 'Identifiants incorrects.' } },
            problems: { tooManyAttempts: 'Trop de tentatives.' },
          },
        },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([{ path: '**', children: [] }]),
      { provide: API_FETCH, useValue: async () => login() },
      {
        provide: ActivatedRoute,
        useValue: {
          snapshot: { queryParamMap: convertToParamMap(returnUrl ? { returnUrl } : {}) },
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(SignInPage);
  await fixture.whenStable();
  const form = fixture.componentInstance['form'];
  form.setValue({ email: 'trainee@oris.example', password: 'oris-demo-2026' });
  (fixture.nativeElement as HTMLElement)
    .querySelector<HTMLButtonElement>('button[type="submit"]')
    ?.click();
  await fixture.whenStable();
  await fixture.whenStable();
  return { alert: (fixture.nativeElement as HTMLElement).querySelector('[role="alert"]') };
}

describe('SignInPage', () => {
  afterEach(() => jest.restoreAllMocks());

  it('goes back to the page the person asked for', async () => {
    const navigate = jest.spyOn(Router.prototype, 'navigateByUrl');

    await render(
      () =>
        Response.json({ accessToken: 't', expiresIn: 900, user: { id: 'u1', roles: ['trainee'] } }),
      '/admin/users',
    );

    expect(navigate).toHaveBeenCalledWith('/admin/users');
  });

  it.each([
    [['trainee'], '/learning'],
    [['trainer'], '/teaching'],
    [['placement_officer'], '/insertion'],
    [['trainee', 'admin'], '/admin/overview'],
  ])('with no page asked for, a person with roles %j lands on %s', async (roles, landing) => {
    const navigate = jest.spyOn(Router.prototype, 'navigateByUrl');

    await render(() =>
      Response.json({ accessToken: 't', expiresIn: 900, user: { id: 'u1', roles } }),
    );

    expect(navigate).toHaveBeenCalledWith(landing);
  });

  it('says the credentials are wrong on a 401', async () => {
    const { alert } = await render(() =>
      Response.json({ title: 'Unauthorized', status: 401 }, { status: 401 }),
    );

    expect(alert?.textContent?.trim()).toBe('Identifiants incorrects.');
  });

  it('asks to try later on a 429', async () => {
    const { alert } = await render(() =>
      Response.json({ title: 'Too Many Requests', status: 429 }, { status: 429 }),
    );

    expect(alert?.textContent?.trim()).toBe('Trop de tentatives.');
  });
});
