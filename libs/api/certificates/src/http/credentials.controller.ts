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
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public } from '@oris/api/platform';
import type { FastifyRequest } from 'fastify';
import { CredentialStatusLists } from '../credentials/credential-status-lists';
import { CredentialVerifier } from '../credentials/credential-verifier';
import { IssuerIdentity } from '../credentials/issuer-identity';
import type { JsonObject } from '../credentials/vc-libraries';
import { CredentialVerificationDto } from '../dto/certificate.dto';
import { VerificationRateLimit } from '../verification/verification-rate-limit';

const JSON_OBJECT = { type: 'object', additionalProperties: true } as const;

/** What the world needs to check ORIS's credentials without knowing ORIS: keys and status. */
@ApiTags('verification')
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
  @ApiOperation({
    summary: 'Verify an Open Badges credential (anyone)',
    description:
      'The body is the credential (JSON). Answers `valid`, `revoked`, `tampered` or ' +
      '`unknown_issuer`, checked offline against ORIS’s keys and status list. 400 when the body ' +
      'is not a verifiable credential. Rate-limited per IP with the other verifications (429).',
  })
  @ApiBody({ schema: JSON_OBJECT })
  @ApiOkResponse({ type: CredentialVerificationDto })
  @ApiProblems(400, 429)
  async verify(
    @Req() request: FastifyRequest,
    @Body() credential: unknown,
  ): Promise<CredentialVerificationDto> {
    await this.rateLimit.consume(request.ip);
    return this.verifier.verify(credential);
  }
}
