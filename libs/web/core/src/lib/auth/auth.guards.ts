import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Role } from '@oris/shared/domain';
import { AuthSession } from './auth-session';
import { landingPath } from './landing';

export const SIGN_IN_PATH = '/sign-in';
export const FORBIDDEN_PATH = '/forbidden';
export const CONSENT_PATH = '/consent';

/** Lets signed-in people through; sends others to sign in and back here afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) =>
  inject(AuthSession).isSignedIn() ||
  inject(Router).createUrlTree([SIGN_IN_PATH], { queryParams: { returnUrl: state.url } });

/** Lets through people holding at least one of the roles. The API enforces; this only guides. */
export function roleGuard(...roles: Role[]): CanActivateFn {
  return (_route, state) => {
    const session = inject(AuthSession);
    const router = inject(Router);
    if (!session.isSignedIn()) {
      return router.createUrlTree([SIGN_IN_PATH], { queryParams: { returnUrl: state.url } });
    }
    return session.hasAnyRole(roles) || router.createUrlTree([FORBIDDEN_PATH]);
  };
}

/**
 * While a signed-in person must answer the personal-data notice again (a newer notice, or a
 * consent staff recorded for them), every page but the notice sends them there first, and back
 * afterwards. The API refuses the routes that collect data meanwhile; this only guides.
 */
export const consentGuard: CanActivateFn = (_route, state) => {
  const session = inject(AuthSession);
  if (!session.consentRequired() || state.url.startsWith(CONSENT_PATH)) return true;
  return inject(Router).createUrlTree([CONSENT_PATH], { queryParams: { returnUrl: state.url } });
};

/** Keeps signed-in people off the sign-in and registration pages: their work is elsewhere. */
export const guestGuard: CanActivateFn = () => {
  const session = inject(AuthSession);
  return !session.isSignedIn() || inject(Router).createUrlTree([landingPath(session.roles())]);
};

/** A return URL from the query string, accepted only when it stays inside the app. */
export function safeReturnUrl(url: unknown): string {
  return typeof url === 'string' && /^\/(?![/\\])/.test(url) ? url : '/';
}
