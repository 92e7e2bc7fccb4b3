import type { FastifyInstance } from 'fastify';

/**
 * Survey links and calendar feeds carry their secret in the path (`/api/v1/survey/<token>`,
 * `/api/v1/calendar-feeds/<token>.ics`).
 */
const SECRET_PATH_SEGMENT = /(\/(?:survey|calendar-feeds)\/)[^/?#]+/g;
/** Links that carry one in the query (`?token=…`, the web app's reset-password page). */
const SECRET_QUERY_PARAMETER = /([?&]token=)[^&#]*/gi;

/** The URL as it may be logged: single-use secrets replaced, so that logs never grant access. */
export const loggableUrl = (url: string): string =>
  url.replace(SECRET_PATH_SEGMENT, '$1[redacted]').replace(SECRET_QUERY_PARAMETER, '$1[redacted]');

/**
 * One log line per request, written when the answer is sent (Fastify's own logging writes two).
 * Health probes are left out: they would drown everything else.
 */
export function registerRequestLogging(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    if (request.url.startsWith('/api/health')) return done();
    request.log.info(
      {
        req: { method: request.method, url: loggableUrl(request.url), ip: request.ip },
        res: { statusCode: reply.statusCode },
        responseTime: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
    done();
  });
}
