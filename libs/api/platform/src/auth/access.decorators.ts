import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@oris/shared/domain';

export const IS_PUBLIC_KEY = 'oris:isPublic';
export const ROLES_KEY = 'oris:roles';
export const REQUIRES_CONSENT_KEY = 'oris:requiresConsent';

/** Opens a route to visitors. Every other route requires a valid access token. */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);

/** Restricts a route to people holding at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * A route that collects new personal data from a trainee: it answers 403 `consent_required`
 * while the trainee has not answered the current personal-data notice (law 09-08).
 */
export const RequiresConsent = () => SetMetadata(REQUIRES_CONSENT_KEY, true);

/** The person behind a request's access token, as the auth guard attached it. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  roles: Role[];
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);

/**
 * The caller on a route that visitors may use too (identity's `PublicWithOptionalUser`): the
 * signed-in person, or null for a visitor.
 */
export const Viewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser | null =>
    context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user ?? null,
);
