import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  AuthenticatedUser,
  CurrentUser,
  Idempotent,
  Page,
  Roles,
} from '@oris/api/platform';
import { CertificateListQuery } from '../dto/certificate-list.query';
import { CredentialFormatQuery } from '../dto/credential-format.query';
import { CertificateDto } from '../dto/certificate.dto';
import { ReissueCertificateDto } from '../dto/reissue.dto';
import { RevokeCertificateDto } from '../dto/revoke.dto';
import { CertificateFiles } from '../reading/certificate-files';
import { CertificateReader } from '../reading/certificate-reader';
import { CertificateReissue } from '../revocation/certificate-reissue.service';
import { CertificateRevocation } from '../revocation/certificate-revocation.service';

@ApiTags('certificates')
@ApiBearerAuth()
@Controller({ path: 'certificates', version: '1' })
export class CertificatesController {
  constructor(
    private readonly reader: CertificateReader,
    private readonly files: CertificateFiles,
    private readonly revocation: CertificateRevocation,
    private readonly reissuing: CertificateReissue,
  ) {}

  @Roles('admin')
  @Get()
  @ApiOperation({
    summary: 'Certificates (administrators)',
    description: 'Newest first; filters by session, status and text (serial, names, course).',
  })
  @ApiPageResponse(CertificateDto)
  @ApiProblems(400, 401, 403)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: CertificateListQuery,
  ): Promise<Page<CertificateDto>> {
    return this.reader.list(user, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A certificate (its holder, administrators)',
    description: '404 for anyone else.',
  })
  @ApiOkResponse({ type: CertificateDto })
  @ApiProblems(400, 401, 404)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CertificateDto> {
    return this.reader.toDto(await this.reader.visible(user, id), user);
  }

  @Get(':id/pdf')
  @ApiOperation({
    summary: 'Download the PDF (its holder, administrators)',
    description:
      '404 for anyone else; 409 `certificate_not_rendered` while the worker has not stored it yet; ' +
      '410 `certificate_pdf_erased` once the holder had their data erased. A download by anyone but the holder is recorded as an audit event (`certificate.pdf_downloaded`).',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The PDF.' })
  @ApiProblems(400, 401, 404, 409, 410)
  async pdf(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StreamableFile> {
    const { bytes, filename } = await this.files.pdf(user, id);
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      disposition: `attachment; filename="${filename}"`,
      length: bytes.length,
    });
  }

  @Get(':id/credential')
  @ApiOperation({
    summary: 'Download the Open Badges 3.0 credential (its holder, administrators)',
    description:
      'The signed `OpenBadgeCredential` (W3C Verifiable Credential) attached to the PDF: a JSON ' +
      'file with a Data Integrity proof (`eddsa-rdfc-2022`), or with `format=jwt` the same ' +
      'credential as a VC-JWT (`application/vc+jwt`, EdDSA, `kid` the same key of ORIS’s DID ' +
      'document). Same refusals as the PDF (404, ' +
      '409 `certificate_not_rendered`, 410 `certificate_pdf_erased`); a download by anyone but ' +
      'the holder is recorded as an audit event (`certificate.credential_downloaded`).',
  })
  @ApiProduces('application/json', 'application/vc+jwt')
  @ApiOkResponse({
    content: {
      'application/json': { schema: { type: 'object', additionalProperties: true } },
      'application/vc+jwt': { schema: { type: 'string' } },
    },
    description: 'The signed credential.',
  })
  @ApiProblems(400, 401, 404, 409, 410)
  async credential(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() { format = 'json' }: CredentialFormatQuery,
  ): Promise<StreamableFile> {
    const { bytes, filename } = await this.files.credential(user, id, format);
    return new StreamableFile(bytes, {
      type: format === 'jwt' ? 'application/vc+jwt' : 'application/json',
      disposition: `attachment; filename="${filename}"`,
      length: bytes.length,
    });
  }

  @Roles('admin')
  @Post(':id/revoke')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Revoke a certificate (administrators)',
    description:
      'The reason (a code from a short list) is required and shown by public verification at ' +
      'once; the optional note stays with the staff. Recorded as an audit event with the actor; ' +
      'the certificate is kept. 409 if already revoked.',
  })
  @ApiOkResponse({ type: CertificateDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async revoke(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RevokeCertificateDto,
  ): Promise<CertificateDto> {
    return this.reader.toDto(await this.revocation.revoke(user, id, body), user);
  }

  @Roles('admin')
  @Post(':id/reissue')
  @ApiOperation({
    summary: 'Re-issue a certificate after a correction (administrators)',
    description:
      'In one transaction: the certificate is revoked with the reason `replaced` (public ' +
      'verification then says "replaced by" the new serial) and a new one is issued from the ' +
      'current facts (a corrected name, title…), with a new serial and verification code; its PDF ' +
      'is rendered and emailed like any other. The optional note says what was corrected (staff ' +
      'only). Audited as `certificate.reissued`. 409 `certificate_already_replaced` or ' +
      '`certificate_already_revoked` for a revoked certificate; 409 as for issuing when the ' +
      'enrollment is no longer completed or the holder’s address is unconfirmed. Send an ' +
      '`Idempotency-Key` to retry safely. Answers the new certificate.',
  })
  @ApiCreatedResponse({ type: CertificateDto })
  @Idempotent()
  @ApiProblems(400, 401, 403, 404, 409)
  async reissue(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ReissueCertificateDto,
  ): Promise<CertificateDto> {
    return this.reader.toDto(await this.reissuing.reissue(user, id, body), user);
  }
}
