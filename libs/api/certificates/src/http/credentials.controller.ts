import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  ParseIntPipe,
  Post,
  Req,
} from '@nestjs/common';
import {
  ApiBody,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiProblems, Public } from '@oris/api/platform';
import type { FastifyRequest } from 'fastify';
import { CredentialStatusLists } from '../credentials/credential-status-lists';
import { CredentialVerifier } from '../credentials/credential-verifier';
import { IssuerIdentity } from '../credentials/issuer-identity';
import type { JsonObject } from '../credentials/vc-libraries';
import { CredentialVerificationDto, VerifyCredentialJwtDto } from '../dto/certificate.dto';
import { VerificationRateLimit } from '../verification/verification-rate-limit';
import { AcceptsCredentialJwt } from './jwt-body-parser';

const JSON_OBJECT = { type: 'object', additionalProperties: true } as const;

const isJwtBody = (body: unknown): body is { jwt: string } =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as { jwt?: unknown }).jwt === 'string' &&
  Object.keys(body).length === 1;

/** What the world needs to check ORIS's credentials without knowing ORIS: keys and status. */
@ApiTags('verification')
@ApiExtraModels(VerifyCredentialJwtDto)
@Public()
@Controller({ version: '1' })
export class CredentialsController {
  constructor(
    private readonly issuer: IssuerIdentity,
    private readonly statusLists: CredentialStatusLists,
    private readonly verifier: CredentialVerifier,
    private readonly rateLimit: VerificationRateLimit,
  ) {}

  @Get('issuer/did.json')
  @ApiOperation({
    summary: 'The issuer’s DID document (anyone)',
    description:
      'ORIS’s `did:web` DID (`did:web:<host>:api:v1:issuer`) resolves here: the Ed25519 ' +
      'public keys (Multikey) that sign its credentials, the current one first, then retired ones.',
  })
  @ApiOkResponse({ schema: JSON_OBJECT })
  @Header('Cache-Control', 'public, max-age=300')
  didDocument(): Promise<JsonObject> {
    return this.issuer.didDocument();
  }

  @Get('credentials/status/:list')
  @ApiOperation({
    summary: 'A revocation status list (anyone)',
    description:
      'A signed `BitstringStatusListCredential` (W3C Bitstring Status List): the bit at a ' +
      'credential’s `statusListIndex` is 1 once ORIS revoked it. Derived from the certificates ' +
      'at each request. 404 for a list that holds no certificate.',
  })
  @ApiOkResponse({ schema: JSON_OBJECT })
  @ApiProblems(400, 404)
  @Header('Cache-Control', 'no-cache')
  statusList(@Param('list', ParseIntPipe) list: number): Promise<JsonObject> {
    return this.statusLists.listCredential(list);
  }

  @Post('verify/credential')
  @HttpCode(HttpStatus.OK)
  @AcceptsCredentialJwt()
  @ApiOperation({
    summary: 'Verify an Open Badges credential (anyone)',
    description:
      'Either form ORIS issues: the credential as JSON (Data Integrity proof), `{ "jwt": "…" }` ' +
      'for a VC-JWT, or the compact JWT itself with `Content-Type: application/vc+jwt` (or ' +
      '`application/jwt`, at most 64 KiB). Answers `valid`, `revoked`, `expired`, `tampered` or ' +
      '`unknown_issuer`, checked offline against ORIS’s keys (current and retired), the ' +
      'credential’s validity period and the certificate’s revocation (as its status list says). ' +
      '400 `credential_required` when a JSON body is no verifiable credential, ' +
      '`credential_malformed` for a JWT that is none ORIS could have signed (not a compact JWS, ' +
      '`alg` other than EdDSA — `none` included —, critical extensions, no credential inside, ' +
      'too long); 413 for a raw body over 64 KiB. Rate-limited per IP with the other ' +
      'verifications (429).',
  })
  // The raw JWT bodies are in the description only: OpenAPI gives one schema to every media type.
  @ApiBody({
    schema: {
      oneOf: [{ $ref: getSchemaPath(VerifyCredentialJwtDto) }, JSON_OBJECT],
    },
  })
  @ApiOkResponse({ type: CredentialVerificationDto })
  @ApiProblems(400, 429)
  async verify(
    @Req() request: FastifyRequest,
    @Body() body: unknown,
  ): Promise<CredentialVerificationDto> {
    await this.rateLimit.consume(request.ip);
    if (typeof body === 'string') return this.verifier.verifyJwt(body);
    if (isJwtBody(body)) return this.verifier.verifyJwt(body.jwt);
    return this.verifier.verify(body);
  }
}
