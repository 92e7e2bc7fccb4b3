import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { Role } from '@oris/shared/domain';
import { AuthSession } from '@oris/web/core';
import { insertionRoutes, publicIndicatorsRoutes } from './insertion.routes';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Stub {}

async function navigate(url: string, session: { signedIn: boolean; roles: Role[] }) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([
        {
          path: 'insertion',
          children: insertionRoutes.map(({ path, canActivate, redirectTo, pathMatch }) =>
            redirectTo ? { path, redirectTo, pathMatch } : { path, canActivate, component: Stub },
          ),
        },
        {
          path: 'indicators',
          children: publicIndicatorsRoutes.map(({ path }) => ({ path, component: Stub })),
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

describe('insertion routes', () => {
  it.each([
    '/insertion/to-follow',
    '/insertion/people/p1',
    '/insertion/placements',
    '/insertion/organisations',
    '/insertion/followups',
    '/insertion/rectification-requests',
    '/insertion/dashboard',
  ])('open %s to placement officers and administrators', async (url) => {
    expect(await navigate(url, { signedIn: true, roles: ['placement_officer'] })).toBe(url);
    TestBed.resetTestingModule();
    expect(await navigate(url, { signedIn: true, roles: ['admin'] })).toBe(url);
  });

  it('starts with the people to follow', async () => {
    expect(await navigate('/insertion', { signedIn: true, roles: ['placement_officer'] })).toBe(
      '/insertion/to-follow',
    );
  });

  it('turns trainees and trainers away', async () => {
    expect(
      await navigate('/insertion/to-follow', { signedIn: true, roles: ['trainee', 'trainer'] }),
    ).toBe('/forbidden');
  });

  it('sends visitors to sign in first, and back afterwards', async () => {
    expect(await navigate('/insertion/placements', { signedIn: false, roles: [] })).toBe(
      '/sign-in?returnUrl=%2Finsertion%2Fplacements',
    );
  });

  it('opens the public indicators to visitors, without signing in', async () => {
    expect(await navigate('/indicators', { signedIn: false, roles: [] })).toBe('/indicators');
  });
});
