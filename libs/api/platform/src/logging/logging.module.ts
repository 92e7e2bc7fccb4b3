import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { AppConfig } from '../config/app-config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's X-Request-Id when it is sane (it ends up in logs), a fresh UUID otherwise. */
export function requestIdOf(request: { headers: IncomingHttpHeaders }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

const pathOf = (request: IncomingMessage & { originalUrl?: string }) =>
  request.originalUrl ?? request.url ?? '';

/**
 * Structured JSON logs, one line per request with its id. Lines are buffered and written
 * asynchronously: a synchronous write per request cost more than the request itself.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: [
          {
            level: config.LOG_LEVEL,
            // Fastify has already given the request its id (see createApp): log that same one.
            genReqId: (request: IncomingMessage) => request.id ?? requestIdOf(request),
            serializers: {
              req: (request: IncomingMessage & { id?: unknown }) => ({
                id: request.id,
                method: request.method,
                url: pathOf(request),
              }),
              res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
            },
            autoLogging: {
              ignore: (request: IncomingMessage) => pathOf(request).startsWith('/api/health'),
            },
          },
          pino.destination({ dest: 1, sync: config.NODE_ENV === 'test', minLength: 4096 }),
        ],
      }),
    }),
  ],
})
export class LoggingModule {}
