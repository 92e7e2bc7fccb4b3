import fastifyCookie from '@fastify/cookie';
import { INestApplication, ValidationPipe, VersioningType } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '../config/app-config';
import { RequestValidationException } from '../errors/request-validation.exception';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { registerDrainingConnectionClose, ShutdownState } from '../lifecycle/graceful-shutdown';
import { registerUrlLengthLimit } from './client-errors';
import { registerJsonBodyParser } from './json-body-parser';
import { registerRequestLogging } from './request-logging';
import { registerSecurityHeaders } from './security-headers';

export const API_PREFIX = 'api';

/**
 * Everything that makes the HTTP app what it is, shared by `main.ts` and the API tests so that
 * tests exercise exactly the production stack.
 */
export async function configureHttpApp(app: NestFastifyApplication): Promise<INestApplication> {
  await app.register(fastifyCookie);
  const fastify = app.getHttpAdapter().getInstance();
  registerSecurityHeaders(fastify, { hsts: app.get(AppConfig).isProduction });
  registerRequestLogging(fastify);
  registerUrlLengthLimit(fastify);
  registerJsonBodyParser(fastify);
  registerDrainingConnectionClose(fastify, app.get(ShutdownState));
  app.setGlobalPrefix(API_PREFIX);
  app.enableVersioning({ type: VersioningType.URI });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => RequestValidationException.fromValidationErrors(errors),
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  // Signals are handled by `handleShutdownSignals` (main.ts), which drains HTTP first.
  return app;
}
