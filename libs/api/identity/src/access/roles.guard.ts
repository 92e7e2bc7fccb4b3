import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedUser, ROLES_KEY } from '@oris/api/platform';
import type { Role } from '@oris/shared/domain';
import { IdentityErrorCode, IdentityException } from '../identity.exception';

/** Global, after the JWT guard: a route marked `@Roles(...)` needs one of those roles. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required || required.length === 0) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (user && user.roles.some((role) => required.includes(role))) return true;
    throw new IdentityException(
      IdentityErrorCode.Forbidden,
      `This requires the role ${required.join(' or ')}.`,
    );
  }
}
