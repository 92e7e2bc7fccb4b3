import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { DynamicModule, Global, Module } from '@nestjs/common';
import type { Logger as Pino } from 'pino';
import { AppConfig } from '../config/app-config';
import { createRootLogger, PinoLoggerService } from './pino-logger.service';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's X-Request-Id when it is sane (it ends up in logs), a fresh UUID otherwise. */
export function requestIdOf(request: { headers: IncomingHttpHeaders }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/**
 * Structured JSON logs. The HTTP app hands the same pino logger to Fastify, which logs each
 * request with its id (see configureHttpApp); Nest's own logs go through `PinoLoggerService`.
 */
@Global()
@Module({})
export class LoggingModule {
  static forRoot(logger?: Pino): DynamicModule {
    return {
      module: LoggingModule,
      providers: [
        {
          provide: ROOT_LOGGER,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => logger ?? createRootLogger(config),
        },
        {
          provide: PinoLoggerService,
          inject: [ROOT_LOGGER],
          useFactory: (root: Pino) => new PinoLoggerService(root),
        },
      ],
      exports: [ROOT_LOGGER, PinoLoggerService],
    };
  }
}
