import type { IncomingMessage } from 'node:http';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';

const RAW_UPLOAD_LIMIT = 'rawUploadLimitBytes';

/** The media type of a raw file upload: the body is the file itself. */
export const RAW_UPLOAD_CONTENT_TYPE = 'application/octet-stream';

/**
 * Marks a route that takes a file as its raw body, up to `maxBytes`; every other route refuses
 * such a body (415). The route reads it as a `Buffer` with `@Body()`.
 */
export const AcceptsRawUpload = (maxBytes: number) => RouteConfig({ [RAW_UPLOAD_LIMIT]: maxBytes });

const uploadLimitOf = (request: FastifyRequest): number | null => {
  const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
  const limit = config?.[RAW_UPLOAD_LIMIT];
  return typeof limit === 'number' ? limit : null;
};

/**
 * Raw `application/octet-stream` bodies as a Buffer, for the routes marked `@AcceptsRawUpload`
 * only, one parser for the whole app (Fastify holds one per media type). The route's limit holds
 * before buffering: a declared Content-Length over it is refused at once (413), a longer body is
 * cut off as soon as it crosses the limit.
 */
@Injectable()
export class RawUploadBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser(RAW_UPLOAD_CONTENT_TYPE)) return;
    fastify.addContentTypeParser(RAW_UPLOAD_CONTENT_TYPE, (request, payload, done) => {
      const limit = uploadLimitOf(request);
      if (limit === null) {
        done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(RAW_UPLOAD_CONTENT_TYPE), undefined);
        return;
      }
      readLimited(payload, Number(request.headers['content-length'] ?? Number.NaN), limit).then(
        (body) => done(null, body),
        (error: Error) => done(error, undefined),
      );
    });
  }
}

async function readLimited(
  payload: IncomingMessage,
  declared: number,
  limit: number,
): Promise<Buffer> {
  const tooLarge = () => new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
  if (declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of payload) {
    received += (chunk as Buffer).length;
    if (received > limit) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, received);
}
