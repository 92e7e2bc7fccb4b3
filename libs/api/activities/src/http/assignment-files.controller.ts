import { Controller, Get, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AuthenticatedUser, CurrentUser } from '@oris/api/platform';
import { AssignmentFiles } from '../submissions/assignment-files';
import { attachment } from './file-body';

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
      'administrators; 404 for everyone else.',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400, 401, 404)
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('fileId', ParseUUIDPipe) fileId: string,
  ): Promise<StreamableFile> {
    const file = await this.files.download(user, fileId);
    return new StreamableFile(file.bytes, {
      type: file.mediaType,
      disposition: attachment(file.name),
      length: file.bytes.length,
    });
  }
}
