import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthenticatedUser } from '@oris/api/platform';
import type { Viewer as ViewerType } from './access-rules';

/**
 * The caller on a route that may be public (see identity's `PublicWithOptionalUser`): the
 * signed-in person, or null for a visitor.
 */
export const Viewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ViewerType =>
    context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user ?? null,
);
