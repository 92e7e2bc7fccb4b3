import type { IncomingMessage } from 'node:http';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';
import { MAX_TOOL_FILE_BYTES } from '../rules/tool-rules';

const ACCEPTS_TOOL_FILE = 'acceptsToolFileUpload';

/** The media type of a raw tool-file upload (the file's own type goes in `X-File-Type`). */
export const TOOL_UPLOAD_CONTENT_TYPE = 'application/octet-stream';

/** Marks the route that takes a tool's file as a raw body; every other route refuses one (415). */
export const AcceptsToolFileUpload = () => RouteConfig({ [ACCEPTS_TOOL_FILE]: true });

const acceptsToolFile = (request: FastifyRequest): boolean =>
  (request.routeOptions.config as unknown as Record<string, unknown> | undefined)?.[
    ACCEPTS_TOOL_FILE
  ] === true;

/**
 * Raw `application/octet-stream` bodies as a Buffer, for the routes marked
 * `@AcceptsToolFileUpload()` only. The limit holds before buffering: a declared Content-Length
 * over it is refused at once (413), a longer body is cut off as soon as it crosses the limit.
 */
@Injectable()
export class ToolUploadBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser(TOOL_UPLOAD_CONTENT_TYPE)) return;
    fastify.addContentTypeParser(TOOL_UPLOAD_CONTENT_TYPE, (request, payload, done) => {
      if (!acceptsToolFile(request)) {
        done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(TOOL_UPLOAD_CONTENT_TYPE), undefined);
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
  if (declared > MAX_TOOL_FILE_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of payload) {
    received += (chunk as Buffer).length;
    if (received > MAX_TOOL_FILE_BYTES) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, received);
}
