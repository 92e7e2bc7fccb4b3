import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY, ROLES_KEY } from '@oris/api/platform';
import type { Role } from '@oris/shared/domain';

/** What a route's decorators say about who may call it. */
export interface RouteRule {
  /** `@Public()`: no access token needed. */
  isPublic: boolean;
  /** `@Roles(...)`: one of these is needed; empty when the route names none. */
  roles: readonly Role[];
}

/**
 * The access rule of each route, read from its decorators (the handler's overriding the
 * controller's) once per route rather than on every request: decorators are fixed once the app
 * is built, and the two global guards would otherwise make four metadata look-ups a request.
 */
@Injectable()
export class RouteAccess {
  private readonly rules = new WeakMap<object, WeakMap<object, RouteRule>>();

  constructor(private readonly reflector: Reflector) {}

  of(context: ExecutionContext): RouteRule {
    const controller = context.getClass();
    const handler = context.getHandler();
    let byHandler = this.rules.get(controller);
    if (!byHandler) {
      byHandler = new WeakMap();
      this.rules.set(controller, byHandler);
    }
    let rule = byHandler.get(handler);
    if (!rule) {
      const targets = [handler, controller];
      rule = {
        isPublic: this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets) ?? false,
        roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [],
      };
      byHandler.set(handler, rule);
    }
    return rule;
  }
}
