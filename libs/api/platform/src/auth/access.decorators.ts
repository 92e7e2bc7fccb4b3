import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@oris/shared/domain';

export const IS_PUBLIC_KEY = 'oris:isPublic';
export const ROLES_KEY = 'oris:roles';

/** Opens a route to visitors. Every other route requires a valid access token. */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);

/** Restricts a route to people holding at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

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
