import type { IncomingMessage } from 'node:http';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';

/** Largest coverage list taken: DOAJ's full journal CSV (about 21,000 journals) weighs ~15 MiB. */
export const MAX_COVERAGE_LIST_BYTES = 48 * 1024 * 1024;

const ACCEPTS_CSV = 'acceptsCoverageListUpload';

/** Marks the route that takes a raw `text/csv` body; every other route refuses one with 415. */
export const AcceptsCoverageListUpload = () => RouteConfig({ [ACCEPTS_CSV]: true });

const acceptsCsv = (request: FastifyRequest): boolean =>
  (request.routeOptions.config as unknown as Record<string, unknown> | undefined)?.[ACCEPTS_CSV] ===
  true;

/**
 * Raw `text/csv` bodies, as a Buffer, for the coverage list import only (the JSON limit of 1 MiB
 * would not hold an index's list): as the certificates' PDF parser, a declared length over the
 * limit is refused at once (413) and a longer body is cut off as soon as it crosses it.
 */
@Injectable()
export class CoverageListBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser('text/csv')) return;
    fastify.addContentTypeParser('text/csv', (request, payload, done) => {
      if (!acceptsCsv(request)) {
        done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE('text/csv'), undefined);
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
  if (declared > MAX_COVERAGE_LIST_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of payload) {
    received += (chunk as Buffer).length;
    if (received > MAX_COVERAGE_LIST_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, received);
}
