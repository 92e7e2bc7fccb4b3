import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Role } from '@oris/shared/domain';
import { AuthSession } from '@oris/web/core';
import { certificatesRoutes, verifyRoutes } from './certificates.routes';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Stub {}

async function navigate(url: string, session: { signedIn: boolean; roles: Role[] }) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([
        {
          path: 'verify',
          children: verifyRoutes.map(({ path, canActivate }) => ({
            path,
            canActivate,
            component: Stub,
          })),
        },
        {
          path: 'certificates',
          children: certificatesRoutes.map(({ path, canActivate, redirectTo, pathMatch }) =>
            redirectTo ? { path, redirectTo, pathMatch } : { path, canActivate, component: Stub },
          ),
        },
        { path: 'sign-in', component: Stub },
        { path: 'forbidden', component: Stub },
      ]),
      {
        provide: AuthSession,
        useValue: {
          isSignedIn: () => session.signedIn,
          hasAnyRole: (wanted: Role[]) => wanted.some((role) => session.roles.includes(role)),
        },
      },
    ],
  });
  const router = TestBed.inject(Router);
  await router.navigateByUrl(url);
  return router.url;
}

describe('certificates routes', () => {
  it.each(['/verify', '/verify/q3Z-7wXkP9rT2vYb_4mN8sLd'])(
    'open %s to visitors, without signing in',
    async (url) => {
      expect(await navigate(url, { signedIn: false, roles: [] })).toBe(url);
    },
  );

  it('sends visitors to sign in before their certificates, and back afterwards', async () => {
    expect(await navigate('/certificates/mine', { signedIn: false, roles: [] })).toBe(
      '/sign-in?returnUrl=%2Fcertificates%2Fmine',
    );
  });

  it('shows a trainee their certificates but not the administration', async () => {
    expect(await navigate('/certificates/mine', { signedIn: true, roles: ['trainee'] })).toBe(
      '/certificates/mine',
    );
    TestBed.resetTestingModule();
    expect(await navigate('/certificates/admin', { signedIn: true, roles: ['trainee'] })).toBe(
      '/forbidden',
    );
  });

  it('lets administrators in to the administration', async () => {
    expect(await navigate('/certificates/admin', { signedIn: true, roles: ['admin'] })).toBe(
      '/certificates/admin',
    );
  });
});
