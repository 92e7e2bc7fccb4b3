import type { IncomingMessage } from 'node:http';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ASSIGNMENT_LIMITS } from '@oris/shared/domain';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';

const ACCEPTS_ASSIGNMENT_FILE = 'acceptsAssignmentFileUpload';

/**
 * The media type of a raw assignment-file upload. Not `application/octet-stream` (the knowledge
 * tools' uploads own that parser): the file's kind is recognised from its bytes anyway, so the
 * declared type says nothing but "this body is a file".
 */
export const ASSIGNMENT_UPLOAD_CONTENT_TYPE = 'application/vnd.oris.assignment-file';

/** Marks a route that takes a file as a raw body; every other route refuses one (415). */
export const AcceptsAssignmentFileUpload = () => RouteConfig({ [ACCEPTS_ASSIGNMENT_FILE]: true });

const acceptsFile = (request: FastifyRequest): boolean =>
  (request.routeOptions.config as unknown as Record<string, unknown> | undefined)?.[
    ACCEPTS_ASSIGNMENT_FILE
  ] === true;

/**
 * Raw assignment-file bodies as a Buffer, for the marked routes only. The platform's largest
 * allowed file holds before buffering: a declared Content-Length over it is refused at once
 * (413), a longer body is cut off as soon as it crosses it. The assignment's own (smaller) limit
 * is checked by the service.
 */
@Injectable()
export class AssignmentUploadBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser(ASSIGNMENT_UPLOAD_CONTENT_TYPE)) return;
    fastify.addContentTypeParser(ASSIGNMENT_UPLOAD_CONTENT_TYPE, (request, payload, done) => {
      if (!acceptsFile(request)) {
        done(
          new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(ASSIGNMENT_UPLOAD_CONTENT_TYPE),
          undefined,
        );
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
  const limit = ASSIGNMENT_LIMITS.maxFileBytes;
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
