import {
  applyDecorators,
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { AccessTokens, IdentityErrorCode, IdentityException } from '@oris/api/identity';
import { AuthenticatedUser, Public } from '@oris/api/platform';
import type { FastifyRequest } from 'fastify';
import type { Viewer as ViewerType } from './access-rules';

type RequestWithUser = FastifyRequest & { user?: AuthenticatedUser };

const BEARER = /^Bearer (\S+)$/;

/**
 * On a public route, recognises a signed-in caller when a token is sent, so owners can see their
 * drafts where visitors get 404. A token that is sent but invalid is a 401, as on any other
 * route, so the web app refreshes it instead of silently showing the public view.
 */
@Injectable()
export class OptionalViewerGuard implements CanActivate {
  constructor(private readonly tokens: AccessTokens) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    if (request.user) return true;
    const header = request.headers.authorization;
    if (header === undefined) return true;
    const token = BEARER.exec(header)?.[1];
    const user = token ? await this.tokens.verify(token) : null;
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
export const PublicWithOptionalViewer = () =>
  applyDecorators(Public(), UseGuards(OptionalViewerGuard));

/** The caller on a route that may be public: the signed-in person, or null for a visitor. */
export const Viewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ViewerType =>
    context.switchToHttp().getRequest<RequestWithUser>().user ?? null,
);
