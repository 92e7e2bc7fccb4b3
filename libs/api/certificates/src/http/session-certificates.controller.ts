import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, AuthenticatedUser, CurrentUser, Roles } from '@oris/api/platform';
import { CertificateBatches } from '../batches/certificate-batches.service';
import { IssueBatchAcceptedDto, JobDto } from '../dto/certificate.dto';

@ApiTags('certificates')
@ApiBearerAuth()
@Controller({ version: '1' })
export class SessionCertificatesController {
  constructor(private readonly batches: CertificateBatches) {}

  @Roles('admin')
  @Post('sessions/:id/certificates')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Issue the certificates of every completer of a session (administrators)',
    description:
      'Creates, in one transaction, the certificates completers do not have yet, and hands their ' +
      'PDFs to the worker. Completers who have not confirmed their email address are skipped ' +
      '(a later batch issues theirs). Repeating it, or running two at once, creates nothing more. Follow ' +
      'the renders at `GET /api/v1/jobs/{jobId}`.',
  })
  @ApiAcceptedResponse({ type: IssueBatchAcceptedDto })
  @ApiProblems(400, 401, 403, 404)
  start(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<IssueBatchAcceptedDto> {
    return this.batches.start(user, id);
  }

  @Get('jobs/:id')
  @ApiOperation({
    summary: 'Progress of a batch of certificates',
    description:
      'Counted from the certificates themselves (it survives worker restarts). For the ' +
      'administrator who started it and other administrators; 404 for anyone else.',
  })
  @ApiOkResponse({ type: JobDto })
  @ApiProblems(400, 401, 404)
  progress(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<JobDto> {
    return this.batches.progress(user, id);
  }
}
