import type { IncomingMessage } from 'node:http';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';

/** Largest PDF a visitor may upload for a check; issued certificates weigh tens of KiB. */
export const MAX_UPLOADED_PDF_BYTES = 5 * 1024 * 1024;

const ACCEPTS_PDF = 'acceptsPdfUpload';

/** Marks the one route that takes a raw PDF body; every other route refuses one with 415. */
export const AcceptsPdfUpload = () => RouteConfig({ [ACCEPTS_PDF]: true });

const acceptsPdf = (request: FastifyRequest): boolean =>
  (request.routeOptions.config as unknown as Record<string, unknown> | undefined)?.[ACCEPTS_PDF] ===
  true;

/**
 * Raw `application/pdf` bodies, as a Buffer, for the routes marked `@AcceptsPdfUpload()` only:
 * elsewhere the body is refused with 415 before a byte of it is read. The 5 MiB limit holds
 * before buffering: a declared Content-Length over it is refused at once (413), and a body that
 * turns out longer is cut off as soon as it crosses the limit. Registered at module init, before
 * the server starts listening.
 */
@Injectable()
export class PdfBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser('application/pdf')) return;
    fastify.addContentTypeParser('application/pdf', (request, payload, done) => {
      if (!acceptsPdf(request)) {
        done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE('application/pdf'), undefined);
        return;
      }
      readLimited(payload, Number(request.headers['content-length'] ?? Number.NaN)).then(
        (body) => done(null, body),
        (error: Error) => done(error, undefined),
      );
    });
  }
}

async function readLimited(payload: IncomingMessage, declared: number): Promise<Buffer> {
  const tooLarge = () => new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
  if (declared > MAX_UPLOADED_PDF_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of payload) {
    received += (chunk as Buffer).length;
    // Stop reading: what was refused is not kept in memory, and the connection is not reused.
    if (received > MAX_UPLOADED_PDF_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, received);
}
