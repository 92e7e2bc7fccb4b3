import { PassThrough, Readable } from 'node:stream';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
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
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  AcceptsRawUpload,
  ApiProblems,
  AuthenticatedUser,
  CurrentUser,
  PageQuery,
  RAW_UPLOAD_CONTENT_TYPE,
  Roles,
} from '@oris/api/platform';
import { ASSIGNMENT_LIMITS } from '@oris/shared/domain';
import { GradebookDto, GradebookExportQuery } from '../dto/gradebook.dto';
import {
  FileUploadQuery,
  GradeInputDto,
  GradingQueueDto,
  GradingSubmissionDto,
  QueueQuery,
} from '../dto/submission.dto';
import { gradebookCsv, writeGradebookXlsx, XLSX_TYPE } from '../gradebook/gradebook-export';
import { Gradebook } from '../gradebook/gradebook.service';
import { AssignmentGrading } from '../grading/assignment-grading.service';
import { fileBody } from './file-body';

@ApiTags('assignments')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Controller({ path: 'sessions/:sessionId', version: '1' })
export class SessionGradingController {
  constructor(
    private readonly grading: AssignmentGrading,
    private readonly gradebook: Gradebook,
  ) {}

  @Get('assignment-submissions')
  @ApiOperation({
    summary: 'The grading queue of a session (the course’s trainers, administrators)',
    description:
      '`state`: `to_grade` (default), `returned` or `graded`; oldest submission first, with a ' +
      'late flag and the count of each state; paginated (`page`, `pageSize`, `total`). Another ' +
      'course’s session is 404.',
  })
  @ApiOkResponse({ type: GradingQueueDto })
  @ApiProblems(400, 401, 403, 404)
  queue(
    @CurrentUser() user: AuthenticatedUser,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Query() query: QueueQuery,
  ): Promise<GradingQueueDto> {
    return this.grading.queue(user, sessionId, query);
  }

  @Get('gradebook')
  @ApiOperation({
    summary: 'The gradebook: trainees × quizzes and assignments (trainers, administrators)',
    description:
      'Every column, and one page of trainees by name (`page`, `pageSize`, `total`); the CSV ' +
      'and XLSX exports hold every trainee.',
  })
  @ApiOkResponse({ type: GradebookDto })
  @ApiProblems(400, 401, 403, 404)
  read(
    @CurrentUser() user: AuthenticatedUser,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Query() query: PageQuery,
  ): Promise<GradebookDto> {
    return this.gradebook.read(user, sessionId, query);
  }

  @Get('gradebook.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="oris-gradebook.csv"')
  @ApiOperation({
    summary: 'The gradebook as CSV',
    description:
      'UTF-8 with a BOM, `;`-separated, CRLF, labels in `lang`; grades in percent, the state in ' +
      "words while not graded. Cells a spreadsheet would evaluate are prefixed with `'`. Audited.",
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiProblems(400, 401, 403, 404)
  async csv(
    @CurrentUser() user: AuthenticatedUser,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Query() query: GradebookExportQuery,
  ): Promise<StreamableFile> {
    const { head, batches } = await this.gradebook.forExport(user, sessionId);
    await this.gradebook.recordExport(user, sessionId, 'csv');
    return new StreamableFile(Readable.from(gradebookCsv(head, batches, query.lang ?? 'fr')), {
      type: 'text/csv; charset=utf-8',
    });
  }

  @Get('gradebook.xlsx')
  @Header('Content-Disposition', 'attachment; filename="oris-gradebook.xlsx"')
  @ApiOperation({
    summary: 'The gradebook as an XLSX workbook',
    description:
      'One sheet as the CSV, right to left in Arabic; grades are numbers, never formulas. Audited.',
  })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400, 401, 403, 404)
  async xlsx(
    @CurrentUser() user: AuthenticatedUser,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Query() query: GradebookExportQuery,
  ): Promise<StreamableFile> {
    const { head, batches } = await this.gradebook.forExport(user, sessionId);
    await this.gradebook.recordExport(user, sessionId, 'xlsx');
    const output = new PassThrough();
    writeGradebookXlsx(head, batches, query.lang ?? 'fr', output).catch((error: unknown) =>
      output.destroy(error instanceof Error ? error : new Error(String(error))),
    );
    return new StreamableFile(output, { type: XLSX_TYPE });
  }
}

@ApiTags('assignments')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Controller({ path: 'assignment-submissions/:submissionId', version: '1' })
export class SubmissionGradingController {
  constructor(private readonly grading: AssignmentGrading) {}

  @Get()
  @ApiOperation({
    summary: 'A submission to grade: the work, the rubric, the grade so far',
    description: 'Only the course’s trainers and administrators; anyone else gets 404.',
  })
  @ApiOkResponse({ type: GradingSubmissionDto })
  @ApiProblems(400, 401, 403, 404)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
  ): Promise<GradingSubmissionDto> {
    return this.grading.get(user, submissionId);
  }

  @Post('grade')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Grade it, then publish or return it for resubmission',
    description:
      '`rubricLevels` (one level per criterion) or `mark`, as the assignment grades; the late ' +
      'penalty comes off the percentage. `publish` or `return`: the trainee is emailed either ' +
      'way, in their language. 409 `submission_not_gradable` unless submitted (a published ' +
      'grade may be corrected and published again). Audited.',
  })
  @ApiOkResponse({ type: GradingSubmissionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  grade(
    @CurrentUser() user: AuthenticatedUser,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @Body() dto: GradeInputDto,
  ): Promise<GradingSubmissionDto> {
    return this.grading.grade(user, submissionId, dto);
  }

  @Post('feedback-files')
  @HttpCode(HttpStatus.OK)
  @AcceptsRawUpload(ASSIGNMENT_LIMITS.maxFileBytes)
  @ApiConsumes(RAW_UPLOAD_CONTENT_TYPE)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: 'Attach a feedback file (shown to the trainee once returned or published)',
    description: 'Kinds recognised from the content (415 otherwise), at most 20 MiB and 5 files.',
  })
  @ApiOkResponse({ type: GradingSubmissionDto })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  addFeedbackFile(
    @CurrentUser() user: AuthenticatedUser,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @Query() query: FileUploadQuery,
    @Body() body: unknown,
  ): Promise<GradingSubmissionDto> {
    return this.grading.addFeedbackFile(user, submissionId, query.name, fileBody(body));
  }

  @Delete('feedback-files/:fileId')
  @ApiOperation({ summary: 'Remove a feedback file' })
  @ApiOkResponse({ type: GradingSubmissionDto })
  @ApiProblems(400, 401, 403, 404)
  removeFeedbackFile(
    @CurrentUser() user: AuthenticatedUser,
    @Param('submissionId', ParseUUIDPipe) submissionId: string,
    @Param('fileId', ParseUUIDPipe) fileId: string,
  ): Promise<GradingSubmissionDto> {
    return this.grading.removeFeedbackFile(user, submissionId, fileId);
  }
}
