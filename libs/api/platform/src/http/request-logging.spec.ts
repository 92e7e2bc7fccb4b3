import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import pino from 'pino';
import { loggableUrl, registerRequestLogging } from './request-logging';

describe('request logging', () => {
  it('replaces survey tokens in the path and tokens in the query', () => {
    expect(loggableUrl('/api/v1/survey/AbC-123_xyz')).toBe('/api/v1/survey/[redacted]');
    expect(loggableUrl('/api/v1/survey/AbC-123_xyz?lang=fr')).toBe(
      '/api/v1/survey/[redacted]?lang=fr',
    );
    expect(loggableUrl('/reset-password?token=s3cret&lang=ar')).toBe(
      '/reset-password?token=[redacted]&lang=ar',
    );
    expect(loggableUrl('/confirm-email?token=s3cret')).toBe('/confirm-email?token=[redacted]');
    expect(loggableUrl('/api/v1/calendar-feeds/Zk9_x-1.ics')).toBe(
      '/api/v1/calendar-feeds/[redacted]',
    );
    expect(loggableUrl('/api/v1/courses?page=2')).toBe('/api/v1/courses?page=2');
  });

  it('writes the redacted URL in the request log line', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(String(chunk));
        callback();
      },
    });
    const fastify = Fastify({
      loggerInstance: pino(sink),
      // As create-app.ts: only our own request line (the top-level option is deprecated).
      logController: new LogController({ disableRequestLogging: true }),
    });
    registerRequestLogging(fastify as unknown as FastifyInstance);
    fastify.get('/api/v1/survey/:token', async () => ({ ok: true }));
    await fastify.inject({ method: 'GET', url: '/api/v1/survey/a-very-secret-token-0123456789' });
    await fastify.close();
    const logged = lines.join('');
    expect(logged).toContain('/api/v1/survey/[redacted]');
    expect(logged).not.toContain('a-very-secret-token');
  });
});
