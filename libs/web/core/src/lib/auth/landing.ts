import type { Role } from '@oris/shared/domain';

/**
 * Where each role's work is, most specific first: a person holding several roles lands on the
 * first of theirs in this order (an administrator who also trains lands on the overview, a
 * placement officer who also learns on the insertion pages). The API enforces access; this
 * only chooses the first page.
 */
export const ROLE_LANDINGS: readonly { role: Role; path: string }[] = [
  { role: 'admin', path: '/admin/overview' },
  { role: 'placement_officer', path: '/insertion' },
  { role: 'observatory_editor', path: '/observatory/publications' },
  { role: 'partnership_officer', path: '/observatory/partnerships' },
  { role: 'trainer', path: '/teaching' },
  { role: 'trainee', path: '/learning' },
];

/** A person with none of these roles (yet) lands on their profile. */
export const DEFAULT_LANDING = '/profile';

/** The page a signed-in person's work starts on. */
export function landingPath(roles: readonly Role[]): string {
  return ROLE_LANDINGS.find((landing) => roles.includes(landing.role))?.path ?? DEFAULT_LANDING;
}
