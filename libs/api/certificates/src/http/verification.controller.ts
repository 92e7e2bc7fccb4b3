import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Req,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public } from '@oris/api/platform';
import type { FastifyRequest } from 'fastify';
import { CertificateErrorCode, CertificateException } from '../certificate.exception';
import { FileMatchDto, VerificationDto } from '../dto/certificate.dto';
import { CertificateVerification } from '../verification/certificate-verification.service';
import { AcceptsPdfUpload } from './pdf-body-parser';

@ApiTags('verification')
@Public()
@Controller({ path: 'verify/:code', version: '1' })
export class VerificationController {
  constructor(private readonly verification: CertificateVerification) {}

  @Get()
  @ApiOperation({
    summary: 'Verify a certificate by its code (anyone)',
    description:
      'Valid or revoked (with the day and reason), holder, course, hours, dates, region and the ' +
      'SHA-256 of the issued PDF. Unknown or malformed codes: 404. Rate-limited per IP (429).',
  })
  @ApiOkResponse({ type: VerificationDto })
  @ApiProblems(404, 429)
  // The answer comes already serialised (a `VerificationDto`), mostly from memory: encoding it
  // anew would cost more than the rest of a cached lookup.
  @Header('Content-Type', 'application/json; charset=utf-8')
  verify(@Req() request: FastifyRequest, @Param('code') code: string): Buffer | Promise<Buffer> {
    return this.verification.verify(request.ip, code);
  }

  @Post('file')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Check that a PDF file is the one issued (anyone)',
    description:
      'The body is the PDF itself (`Content-Type: application/pdf`, at most 5 MiB); `matches` ' +
      'is true when its SHA-256 equals the issued PDF’s. Rate-limited per IP with lookups.',
  })
  @AcceptsPdfUpload()
  @ApiConsumes('application/pdf')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: FileMatchDto })
  @ApiProblems(400, 404, 429)
  matchFile(
    @Req() request: FastifyRequest,
    @Param('code') code: string,
    @Body() body: unknown,
  ): Promise<FileMatchDto> {
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new CertificateException(
        CertificateErrorCode.FileRequired,
        'Send the PDF as the request body with Content-Type: application/pdf.',
      );
    }
    return this.verification.matchFile(request.ip, code, body);
  }
}
