import { TestBed } from '@angular/core/testing';
import {
  type ActivatedRouteSnapshot,
  type CanActivateFn,
  provideRouter,
  Router,
  type RouterStateSnapshot,
  UrlTree,
} from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { Role } from '@oris/shared/domain';
import { API_FETCH } from '../api/api.tokens';
import { consentGuard, guestGuard, roleGuard, safeReturnUrl, signedInGuard } from './auth.guards';
import { AuthSession } from './auth-session';

async function setup(roles: Role[] | null, consentRequired = false) {
  const fetch = async () =>
    Response.json({
      accessToken: 't',
      expiresIn: 900,
      user: {
        id: 'u1',
        email: 'a@oris.example',
        fullName: 'A',
        fullNameAr: null,
        gender: 'male',
        birthYear: 1990,
        regionCode: 'MA-06',
        locale: 'fr',
        roles,
        createdAt: '2026-01-01T00:00:00Z',
        consent: {
          required: consentRequired,
          reason: consentRequired ? 'notice_updated' : null,
          currentNoticeVersion: '2026-11-01',
          noticeVersion: consentRequired ? '2025-01-01' : '2026-11-01',
          followupTracking: true,
        },
      },
    });
  TestBed.configureTestingModule({
    imports: [TranslocoTestingModule.forRoot({ langs: { fr: {} } })],
    providers: [provideRouter([]), { provide: API_FETCH, useValue: fetch }],
  });
  if (roles) {
    await TestBed.inject(AuthSession).signIn({ email: 'a@oris.example', password: 'x' });
  }
}

function run(guard: CanActivateFn, url = '/admin/users'): string | boolean {
  const result = TestBed.runInInjectionContext(() =>
    guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot),
  );
  return result instanceof UrlTree
    ? TestBed.inject(Router).serializeUrl(result)
    : (result as boolean);
}

describe('route guards', () => {
  it('sends a person who must answer the notice again to it, then back', async () => {
    await setup(['trainee'], true);

    expect(run(consentGuard, '/my-data')).toBe('/consent?returnUrl=%2Fmy-data');
    // The notice page itself stays reachable.
    expect(run(consentGuard, '/consent?returnUrl=%2Fmy-data')).toBe(true);
  });

  it('lets through a person whose consent is current, and visitors', async () => {
    await setup(['trainee']);
    expect(run(consentGuard, '/my-data')).toBe(true);
    TestBed.resetTestingModule();
    await setup(null);
    expect(run(consentGuard, '/catalogue')).toBe(true);
  });

  it('sends a visitor to sign in, then back to the page they asked for', async () => {
    await setup(null);

    expect(run(signedInGuard)).toBe('/sign-in?returnUrl=%2Fadmin%2Fusers');
    expect(run(roleGuard('admin'))).toBe('/sign-in?returnUrl=%2Fadmin%2Fusers');
  });

  it('lets a signed-in person through', async () => {
    await setup(['trainee']);

    expect(run(signedInGuard)).toBe(true);
  });

  it('lets a person with the role through and shows others the forbidden page', async () => {
    await setup(['trainee', 'trainer']);

    expect(run(roleGuard('trainer', 'admin'))).toBe(true);
    expect(run(roleGuard('admin'))).toBe('/forbidden');
  });

  it('keeps signed-in people off the guest pages, sending them to their work', async () => {
    await setup(['trainee']);

    expect(run(guestGuard)).toBe('/learning');
  });

  it.each([
    ['/profile', '/profile'],
    ['/admin/users?page=2', '/admin/users?page=2'],
    ['https://evil.example', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    [undefined, '/'],
  ])('accepts %p as return URL %p', (url, expected) => {
    expect(safeReturnUrl(url)).toBe(expected);
  });
});
