import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '@oris/api/platform';
import type { FastifyRequest } from 'fastify';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { AccessTokens } from '../tokens/access-tokens.service';
import { AccountAccess } from './account-access';
import { bearerTokenOf } from './bearer-token';
import { RouteAccess } from './route-access';

/** Global: every route needs a valid access token unless it is marked `@Public()`. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly routes: RouteAccess,
    private readonly tokens: AccessTokens,
    private readonly accounts: AccountAccess,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    if (this.routes.of(context).isPublic) return true;
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const token = bearerTokenOf(request.headers.authorization);
    const claimed = token ? await this.tokens.verify(token) : null;
    const user = claimed ? await this.accounts.current(claimed) : null;
    if (!user) {
      throw new IdentityException(
        IdentityErrorCode.Unauthenticated,
        'Sign in: a valid access token is required.',
      );
    }
    request.user = user;
    return true;
  }
}
