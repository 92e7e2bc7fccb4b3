import {
  Body,
  Controller,
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
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
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
  RequiresConsent,
} from '@oris/api/platform';
import { EnrollmentAdmission } from '../admission/enrollment-admission.service';
import { AttendanceService } from '../attendance/attendance.service';
import { AttendanceSheetDto, RecordAttendanceDto } from '../dto/attendance.dto';
import { EnrollDto } from '../dto/enroll.dto';
import { EnrollmentDto } from '../dto/enrollment.dto';
import { EnrollmentListQuery } from '../dto/enrollment-list.query';
import { ImportEnrollmentsDto, ImportEnrollmentsQuery, ImportReportDto } from '../dto/import.dto';
import { EnrollmentImport } from '../import/enrollment-import.service';
import { EnrollmentReader } from '../reading/enrollment-reader';

@ApiTags('enrollments')
@ApiBearerAuth()
@Controller({ path: 'sessions/:id', version: '1' })
export class SessionEnrollmentsController {
  constructor(
    private readonly admission: EnrollmentAdmission,
    private readonly reader: EnrollmentReader,
    private readonly attendance: AttendanceService,
    private readonly imports: EnrollmentImport,
  ) {}

  @Roles('trainee', 'trainer', 'admin')
  @RequiresConsent()
  @Post('enrollments')
  @ApiOperation({
    summary: 'Enroll in a session (oneself, or someone else with `userId`)',
    description:
      'Trainees enroll themselves in an open session within its enrollment window. Trainers of ' +
      'the session enroll someone with `userId` within the window; administrators in any session ' +
      'but a cancelled one, past cohorts included. The outcome is `confirmed` while seats are left, ' +
      'else `waitlisted` with its position; a trainee’s own request is `pending` when the session ' +
      'requires approval. One enrollment per person and session (409 `already_enrolled`); outside ' +
      'the window or the open status: 409 naming the reason. A trainee who has not answered the ' +
      'current personal-data notice gets 403 `consent_required`. Send an `Idempotency-Key` to ' +
      'retry safely.',
  })
  @ApiCreatedResponse({ type: EnrollmentDto })
  @Idempotent()
  @ApiProblems(400, 401, 403, 404, 409)
  enroll(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) sessionId: string,
    @Body() dto: EnrollDto,
  ): Promise<EnrollmentDto> {
    return this.admission.enroll(user, sessionId, dto);
  }

  @Roles('admin')
  @Post('enrollments/import')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Enroll people from a CSV or an Excel workbook (administrators), with a dry run',
    description:
      'With `dryRun=true`, checks every row and answers the report (each problem with its line, ' +
      'column and reason; each row’s outcome) without writing anything. Without it, the import is ' +
      'all-or-nothing: any problem refuses it with 400 (`errors[].field` = `lines.<line>.<column>`); ' +
      'otherwise accounts are created for unknown emails (trainee role; they set a password with ' +
      '"forgot password"; their consent is recorded as collected by the administrator, method ' +
      '`staff_recorded`, and they are asked to confirm it at first sign-in), and each row is enrolled in file order: confirmed while seats are left, ' +
      'then waitlisted; a row with `completedOn` is recorded as completed on that day by the ' +
      'rule of the completion route: with nothing recorded yet, that is the administrator’s ' +
      'attestation, for a session that has ended (`completionAttested`; a line problem ' +
      'otherwise, unless the course’s rule asks for nothing). Any session but a cancelled one. ' +
      'With `validRowsOnly=true` (an explicit choice), the rows without a problem are imported in ' +
      'one transaction and the others are answered as `rejectedFile` (the uploaded format, an ' +
      'error column in `locale`). Problems carry a `code` and `params` to word them in any ' +
      'language. A file that cannot be read (not a workbook, damaged, too large): 400.',
  })
  @ApiOkResponse({ type: ImportReportDto })
  @Idempotent()
  @ApiProblems(400, 401, 403, 404, 409)
  importCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) sessionId: string,
    @Query() query: ImportEnrollmentsQuery,
    @Body() dto: ImportEnrollmentsDto,
  ): Promise<ImportReportDto> {
    return this.imports.run(
      user,
      sessionId,
      { csv: dto.csv, xlsx: dto.xlsx },
      {
        dryRun: query.dryRun ?? false,
        validRowsOnly: query.validRowsOnly ?? false,
        locale: query.locale ?? 'fr',
      },
    );
  }

  @Roles('trainer', 'admin')
  @Get('enrollments')
  @ApiOperation({
    summary: 'A session’s enrollments (its trainers, the course’s owners, administrators)',
    description: 'Oldest first; filtered by `status`, the waitlist comes in queue order.',
  })
  @ApiPageResponse(EnrollmentDto)
  @ApiProblems(400, 401, 403, 404)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) sessionId: string,
    @Query() query: EnrollmentListQuery,
  ): Promise<Page<EnrollmentDto>> {
    return this.reader.listForSession(user, sessionId, query);
  }

  @Roles('trainer', 'admin')
  @Get('attendance')
  @ApiOperation({
    summary: 'The attendance sheet: every meeting and every enrollee holding a seat',
    description:
      'A meeting is held once it has started; a held meeting without a mark counts as absent.',
  })
  @ApiOkResponse({ type: AttendanceSheetDto })
  @ApiProblems(400, 401, 403, 404)
  sheet(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) sessionId: string,
  ): Promise<AttendanceSheetDto> {
    return this.attendance.sheet(user, sessionId);
  }

  @Roles('trainer', 'admin')
  @Put('meetings/:meetingId/attendance')
  @ApiOperation({
    summary: 'Record who was present at a meeting',
    description:
      'Marks are upserted; enrollments left out keep theirs. Each entry must be an enrollment of ' +
      'this session holding a seat (400 naming the entry). Only once the meeting’s day has come (409).',
  })
  @ApiOkResponse({ type: AttendanceSheetDto })
  @ApiProblems(400, 401, 403, 404, 409)
  record(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) sessionId: string,
    @Param('meetingId', ParseUUIDPipe) meetingId: string,
    @Body() dto: RecordAttendanceDto,
  ): Promise<AttendanceSheetDto> {
    return this.attendance.record(user, sessionId, meetingId, dto.entries);
  }
}
