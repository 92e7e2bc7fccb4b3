import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedUser } from '@oris/api/platform';

/** The caller on a route open to visitors (`PublicWithOptionalUser`): signed in, or null. */
export const Viewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser | null =>
    context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user ?? null,
);
