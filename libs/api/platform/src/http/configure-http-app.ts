import fastifyCookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { INestApplication, ValidationPipe, VersioningType } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RequestValidationException } from '../errors/request-validation.exception';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';

export const API_PREFIX = 'api';

/**
 * Everything that makes the HTTP app what it is, shared by `main.ts` and the API tests so that
 * tests exercise exactly the production stack.
 */
export async function configureHttpApp(app: NestFastifyApplication): Promise<INestApplication> {
  await app.register(helmet, {
    // The Swagger UI at /api/docs needs inline scripts and styles; the API serves no other HTML.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  await app.register(fastifyCookie);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      reply.header('x-request-id', request.id);
    });
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
  app.enableShutdownHooks();
  return app;
}
