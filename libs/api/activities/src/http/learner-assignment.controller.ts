import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AcceptsRawUpload,
  ApiProblems,
  AuthenticatedUser,
  CurrentUser,
  RAW_UPLOAD_CONTENT_TYPE,
  RequiresConsent,
} from '@oris/api/platform';
import { ASSIGNMENT_LIMITS } from '@oris/shared/domain';
import {
  FileUploadQuery,
  LearnerAssignmentDto,
  SubmissionTextInputDto,
} from '../dto/submission.dto';
import { AssignmentSubmissions } from '../submissions/assignment-submissions.service';
import { fileBody } from './file-body';

@ApiTags('assignments')
@ApiBearerAuth()
@Controller({ path: 'enrollments/:id/modules/:moduleId/assignment', version: '1' })
export class LearnerAssignmentController {
  constructor(private readonly submissions: AssignmentSubmissions) {}

  @Get()
  @ApiOperation({
    summary: 'The module’s assignment and my submission, with its feedback (the trainee)',
    description: 'Anyone else gets 404.',
  })
  @ApiOkResponse({ type: LearnerAssignmentDto })
  @ApiProblems(400, 401, 404)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
  ): Promise<LearnerAssignmentDto> {
    return this.submissions.overview(user, id, moduleId);
  }

  @RequiresConsent()
  @Put('submission/text')
  @ApiOperation({
    summary: 'Save the text of my draft (again to change it)',
    description: '409 `submission_not_editable` while the trainer holds it.',
  })
  @ApiOkResponse({ type: LearnerAssignmentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  saveText(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @Body() dto: SubmissionTextInputDto,
  ): Promise<LearnerAssignmentDto> {
    return this.submissions.saveText(user, id, moduleId, dto.text);
  }

  @RequiresConsent()
  @Post('submission/files')
  @HttpCode(HttpStatus.OK)
  @AcceptsRawUpload(ASSIGNMENT_LIMITS.maxFileBytes)
  @ApiConsumes(RAW_UPLOAD_CONTENT_TYPE)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: 'Add a file to my draft',
    description:
      `The body is the file itself (\`Content-Type: ${RAW_UPLOAD_CONTENT_TYPE}\`), its ` +
      'name in `name`. Its kind is recognised from its content: 415 `file_type_not_allowed` ' +
      'when the assignment does not take it, 413 over the assignment’s size limit, 409 ' +
      '`too_many_files`. Stored with its SHA-256.',
  })
  @ApiOkResponse({ type: LearnerAssignmentDto })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  addFile(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @Query() query: FileUploadQuery,
    @Body() body: unknown,
  ): Promise<LearnerAssignmentDto> {
    return this.submissions.addFile(user, id, moduleId, query.name, fileBody(body));
  }

  @RequiresConsent()
  @Delete('submission/files/:fileId')
  @ApiOperation({ summary: 'Remove a file from my draft' })
  @ApiOkResponse({ type: LearnerAssignmentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  removeFile(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
  ): Promise<LearnerAssignmentDto> {
    return this.submissions.removeFile(user, id, moduleId, fileId);
  }

  @RequiresConsent()
  @Post('submission/submit')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Submit my work to the trainer (again after it was returned)',
    description:
      'Past the due date the late policy decides: accepted, accepted and marked late, or 409 ' +
      '`past_due`. 409 `submission_empty` without a text or a file.',
  })
  @ApiOkResponse({ type: LearnerAssignmentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  submit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
  ): Promise<LearnerAssignmentDto> {
    return this.submissions.submit(user, id, moduleId);
  }
}
