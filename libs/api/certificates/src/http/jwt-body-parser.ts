import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';
import { MAX_CREDENTIAL_JWT_LENGTH, VC_JWT_MEDIA_TYPE } from '../credentials/credential-jwt';

/** The media types a credential JWT may be sent as (VC-JOSE-COSE's, and plain JWT's). */
export const JWT_MEDIA_TYPES = [VC_JWT_MEDIA_TYPE, 'application/jwt'];

const ACCEPTS_JWT = 'acceptsCredentialJwt';

/** Marks the route that takes a raw credential JWT body; every other route refuses one (415). */
export const AcceptsCredentialJwt = () => RouteConfig({ [ACCEPTS_JWT]: true });

const acceptsJwt = (request: FastifyRequest): boolean =>
  (request.routeOptions.config as unknown as Record<string, unknown> | undefined)?.[ACCEPTS_JWT] ===
  true;

/**
 * Raw `application/vc+jwt` (or `application/jwt`) bodies, as text, for the routes marked
 * `@AcceptsCredentialJwt()` only, and at most MAX_CREDENTIAL_JWT_LENGTH bytes (413 beyond):
 * what a standard verifier or `curl --data-binary @x.jwt` sends. Registered at module init.
 */
@Injectable()
export class JwtBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || fastify.hasContentTypeParser(VC_JWT_MEDIA_TYPE)) return;
    fastify.addContentTypeParser(
      JWT_MEDIA_TYPES,
      { parseAs: 'string', bodyLimit: MAX_CREDENTIAL_JWT_LENGTH },
      (request, body, done) => {
        if (!acceptsJwt(request)) {
          done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(request.headers['content-type']));
          return;
        }
        done(null, body);
      },
    );
  }
}
