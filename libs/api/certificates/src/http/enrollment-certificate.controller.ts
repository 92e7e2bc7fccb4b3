import { Controller, HttpStatus, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, AuthenticatedUser, CurrentUser, Roles } from '@oris/api/platform';
import type { FastifyReply } from 'fastify';
import { CertificateDto } from '../dto/certificate.dto';
import { CertificateIssuer } from '../issuing/certificate-issuer.service';
import { CertificateReader } from '../reading/certificate-reader';

@ApiTags('certificates')
@ApiBearerAuth()
@Controller({ path: 'enrollments/:id/certificate', version: '1' })
export class EnrollmentCertificateController {
  constructor(
    private readonly issuer: CertificateIssuer,
    private readonly reader: CertificateReader,
  ) {}

  @Roles('admin')
  @Post()
  @ApiOperation({
    summary: 'Issue the certificate of a completed enrollment (administrators)',
    description:
      'Idempotent: the first call issues the certificate (201), every later or concurrent call ' +
      'answers the same certificate (200). Refused with 409 `enrollment_not_completed`, the ' +
      'detail naming the enrollment’s status, until its completion is validated; with 409 ' +
      '`email_not_confirmed` while the holder has not confirmed their email address. The PDF is ' +
      'rendered by the worker: `pdfState` is `pending` until then, and the holder is emailed it.',
  })
  @ApiCreatedResponse({ type: CertificateDto, description: 'Issued now.' })
  @ApiOkResponse({ type: CertificateDto, description: 'Issued before: the same certificate.' })
  @ApiProblems(400, 401, 403, 404, 409)
  async issue(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CertificateDto> {
    const { certificate, created } = await this.issuer.issue(user.id, id);
    void reply.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return this.reader.toDto(certificate, user);
  }
}
