import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@oris/api/platform';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { RouteAccess } from './route-access';

/** Global, after the JWT guard: a route marked `@Roles(...)` needs one of those roles. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly routes: RouteAccess) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const required = this.routes.of(context).roles;
    if (required.length === 0) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (user && user.roles.some((role) => required.includes(role))) return true;
    throw new IdentityException(
      IdentityErrorCode.Forbidden,
      `This requires the role ${required.join(' or ')}.`,
    );
  }
}
