import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedUser, REQUIRES_CONSENT_KEY } from '@oris/api/platform';
import { ConsentRecords } from './consent-records.service';

/**
 * Global, after the roles guard: a route marked `@RequiresConsent()` refuses a trainee who has
 * not answered the current notice. The web app's prompt is the front door; this is the lock.
 */
@Injectable()
export class ConsentGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly consents: ConsentRecords,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const required = this.reflector.getAllAndOverride<boolean | undefined>(REQUIRES_CONSENT_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (user) await this.consents.assertCurrent(user.id, user.roles);
    return true;
  }
}
