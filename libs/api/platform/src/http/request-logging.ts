import type { FastifyInstance } from 'fastify';

/**
 * One log line per request, written when the answer is sent (Fastify's own logging writes two).
 * Health probes are left out: they would drown everything else.
 */
export function registerRequestLogging(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    if (request.url.startsWith('/api/health')) return done();
    request.log.info(
      {
        req: { method: request.method, url: request.url, ip: request.ip },
        res: { statusCode: reply.statusCode },
        responseTime: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
    done();
  });
}
