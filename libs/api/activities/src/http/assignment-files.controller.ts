import { Controller, Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPartialContentResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, AuthenticatedUser, CurrentUser, sendStoredFile } from '@oris/api/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AssignmentFiles } from '../submissions/assignment-files';

@ApiTags('assignments')
@ApiBearerAuth()
@Controller({ path: 'assignment-files/:fileId', version: '1' })
export class AssignmentFilesController {
  constructor(private readonly files: AssignmentFiles) {}

  @Get()
  @ApiOperation({
    summary: 'Download a submission or feedback file',
    description:
      'Its trainee (feedback files once returned or published) and the course’s trainers and ' +
      'administrators; 404 for everyone else. Byte ranges: 206 for one satisfiable range ' +
      '(`bytes=a-b`, `bytes=a-`, `bytes=-n`), 416 otherwise; `If-Range` with another ETag gives ' +
      'the whole file; the ETag is the SHA-256. Only the bytes asked for are read from the storage.',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiPartialContentResponse({ description: 'The requested byte range.' })
  @ApiHeader({ name: 'Range', required: false })
  @ApiHeader({ name: 'If-Range', required: false })
  @ApiProblems(400, 401, 404)
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('fileId', ParseUUIDPipe) fileId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.files.download(user, fileId);
    // Private to the trainee and the graders: no shared cache keeps it.
    reply.header('Cache-Control', 'private, no-cache');
    await sendStoredFile(request, reply, file);
  }
}
