import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/** Largest PDF a visitor may upload for a check; issued certificates weigh tens of KiB. */
export const MAX_UPLOADED_PDF_BYTES = 5 * 1024 * 1024;

/**
 * Lets Fastify take raw `application/pdf` bodies (as a Buffer, up to 5 MiB; beyond, Fastify
 * answers 413 before any work). Registered at module init, before the server starts listening.
 */
@Injectable()
export class PdfBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser('application/pdf')) return;
    fastify.addContentTypeParser(
      'application/pdf',
      { parseAs: 'buffer', bodyLimit: MAX_UPLOADED_PDF_BYTES },
      (_request, body, done) => done(null, body),
    );
  }
}
