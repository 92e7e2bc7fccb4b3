import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problemType } from '../errors/problem-details';

/**
 * Longest request target (path and query) the API reads, as nginx's default header buffer. The
 * longest legitimate URL of the API is a filtered list, well under 1 KiB. Node's own limit is
 * the whole request head (16 KiB), answered 431 by `answerClientError`.
 */
export const MAX_URL_LENGTH = 8_192;

/** 414 for a request target over `MAX_URL_LENGTH`, before routing (also for unknown routes). */
export function registerUrlLengthLimit(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (request.raw.url !== undefined && request.raw.url.length > MAX_URL_LENGTH) {
      done(
        new HttpException(
          `The URL is longer than ${MAX_URL_LENGTH} characters.`,
          HttpStatus.URI_TOO_LONG,
        ),
      );
      return;
    }
    done();
  });
}

const CLIENT_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'headers_too_large',
    detail: 'The request line and headers are larger than the server accepts.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: 'request_timeout',
    detail: 'The request was not received in time.',
  },
};

const MALFORMED = { status: 400, code: 'bad_request', detail: 'The HTTP request is malformed.' };

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses (oversized headers, a malformed
 * request line, a request too slow to arrive) never reaches a route or the problem filter, so it is
 * answered here on the raw socket, as the same problem+json every other error is.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, code, detail } = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
  if (socket.writable) {
    const body = JSON.stringify({
      type: problemType(code),
      title: STATUS_CODES[status],
      status,
      detail,
      code,
    });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}
