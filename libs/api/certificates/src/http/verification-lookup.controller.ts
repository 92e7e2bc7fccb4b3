import { Body, Controller, Header, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public } from '@oris/api/platform';
import type { FastifyRequest } from 'fastify';
import { CertificateErrorCode, CertificateException } from '../certificate.exception';
import { VerificationDto, VerifyBySerialDto } from '../dto/certificate.dto';
import { CertificateVerification } from '../verification/certificate-verification.service';
import { AcceptsPdfUpload } from './pdf-body-parser';

/** Verification without the code: by the printed serial and name, or by the PDF itself. */
@ApiTags('verification')
@Public()
@Controller({ path: 'verify', version: '1' })
export class VerificationLookupController {
  constructor(private readonly verification: CertificateVerification) {}

  @Post('serial')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Verify a certificate by its printed serial and holder’s name (anyone)',
    description:
      'The same answer as by the code, when the serial exists and the name is the holder’s as ' +
      'printed (Latin or Arabic). An unknown serial and a wrong name are the same 404. Sent in ' +
      'the body so that the name stays out of addresses and logs. Rate-limited per IP with the ' +
      'code lookups (429).',
  })
  @ApiOkResponse({ type: VerificationDto })
  @ApiProblems(400, 404, 429)
  @Header('Content-Type', 'application/json; charset=utf-8')
  verifyBySerial(@Req() request: FastifyRequest, @Body() body: VerifyBySerialDto): Promise<Buffer> {
    return this.verification.verifyBySerial(request.ip, body.serial, body.holderName);
  }

  @Post('file')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Verify a certificate from its PDF alone (anyone)',
    description:
      'The body is the PDF (`Content-Type: application/pdf`, at most 5 MiB). When its SHA-256 is ' +
      'that of an issued PDF, the answer is that certificate’s verification; any other file is ' +
      'a 404. Rate-limited per IP with the code lookups (429).',
  })
  @AcceptsPdfUpload()
  @ApiConsumes('application/pdf')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: VerificationDto })
  @ApiProblems(400, 404, 429)
  @Header('Content-Type', 'application/json; charset=utf-8')
  verifyFile(@Req() request: FastifyRequest, @Body() body: unknown): Promise<Buffer> {
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new CertificateException(
        CertificateErrorCode.FileRequired,
        'Send the PDF as the request body with Content-Type: application/pdf.',
      );
    }
    return this.verification.verifyFile(request.ip, body);
  }
}
