import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { AuthenticatedUser, Public } from '@oris/api/platform';
import type { FastifyRequest } from 'fastify';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { AccessTokens } from '../tokens/access-tokens.service';
import { AccountAccess } from './account-access';
import { bearerTokenOf } from './bearer-token';

/**
 * On a public route, recognises a signed-in caller when a token is sent (e.g. so owners see their
 * drafts where visitors get 404). A token that is sent but invalid is a 401, as on any other
 * route, so the web app refreshes it instead of silently showing the public view.
 */
@Injectable()
export class OptionalUserGuard implements CanActivate {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly accounts: AccountAccess,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    if (request.user || request.headers.authorization === undefined) return true;
    const token = bearerTokenOf(request.headers.authorization);
    const claimed = token ? await this.tokens.verify(token) : null;
    const user = claimed ? await this.accounts.current(claimed) : null;
    if (!user) {
      throw new IdentityException(
        IdentityErrorCode.Unauthenticated,
        'The access token sent is invalid or expired: refresh it, or send none.',
      );
    }
    request.user = user;
    return true;
  }
}

/** Open to visitors; a valid access token, when sent, makes the caller known. */
export const PublicWithOptionalUser = () => applyDecorators(Public(), UseGuards(OptionalUserGuard));
