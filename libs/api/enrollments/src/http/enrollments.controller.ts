import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ApiProblems,
  AuthenticatedUser,
  CurrentUser,
  Roles,
  RequiresConsent,
} from '@oris/api/platform';
import { EnrollmentAdmission } from '../admission/enrollment-admission.service';
import { CompletionService } from '../completion/completion.service';
import { CompleteEnrollmentDto } from '../dto/complete-enrollment.dto';
import { EnrollmentDetailDto, EnrollmentDto } from '../dto/enrollment.dto';
import {
  EnrollmentModulesDto,
  LearnerModuleDto,
  ModuleCompletionDto,
} from '../dto/learner-module.dto';
import { TimetableDto } from '../dto/timetable.dto';
import { ProgressService } from '../progress/progress.service';
import { TimetableService } from '../timetable/timetable.service';
import { EnrollmentReader } from '../reading/enrollment-reader';
import { Withdrawals } from '../withdrawals/withdrawals.service';

@ApiTags('enrollments')
@ApiBearerAuth()
@Controller({ path: 'enrollments/:id', version: '1' })
export class EnrollmentsController {
  constructor(
    private readonly reader: EnrollmentReader,
    private readonly admission: EnrollmentAdmission,
    private readonly withdrawals: Withdrawals,
    private readonly completion: CompletionService,
    private readonly progress: ProgressService,
    private readonly timetable: TimetableService,
  ) {}

  @Get('timetable')
  @ApiOperation({
    summary: 'When and where the session meets',
    description:
      'The meetings, the venue and, for a trainee holding a seat and the session’s staff, the ' +
      'online link. For the trainee and the session’s staff; 404 for everyone else.',
  })
  @ApiOkResponse({ type: TimetableDto })
  @ApiProblems(400, 401, 404)
  getTimetable(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<TimetableDto> {
    return this.timetable.forEnrollment(user, id);
  }

  @Get('calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'The session’s meetings as an iCalendar file',
    description:
      'RFC 5545, one event per meeting with a stable UID, times in UTC; the online link as ' +
      '`getTimetable` gives it. For the trainee and the session’s staff; 404 for everyone else.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiProblems(400, 401, 404)
  async calendar(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { ics, fileName } = await this.timetable.icsForEnrollment(user, id);
    void reply.header('Content-Disposition', `attachment; filename="${fileName}"`);
    return ics;
  }

  @Get()
  @ApiOperation({
    summary: 'An enrollment, with its completion rule checked now',
    description: 'For the trainee and the session’s staff; 404 for everyone else.',
  })
  @ApiOkResponse({ type: EnrollmentDetailDto })
  @ApiProblems(400, 401, 404)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EnrollmentDetailDto> {
    return this.reader.get(user, id);
  }

  @Post('withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Withdraw (the trainee, administrators)',
    description:
      'For a pending, confirmed or waitlisted enrollment (409 otherwise). A freed seat goes to the ' +
      'first person on the waitlist, who is emailed.',
  })
  @ApiOkResponse({ type: EnrollmentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EnrollmentDto> {
    return this.withdrawals.withdraw(user, id);
  }

  @Roles('trainer', 'admin')
  @Post('approve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Approve a pending request (the session’s staff)',
    description:
      'It gets a seat if one is left, else the end of the waitlist; either way by email.',
  })
  @ApiOkResponse({ type: EnrollmentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  approve(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EnrollmentDto> {
    return this.admission.approve(user, id);
  }

  @Roles('trainer', 'admin')
  @Post('reject')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Reject a pending request (the session’s staff)',
    description: 'The enrollment becomes withdrawn with the reason `rejected`.',
  })
  @ApiOkResponse({ type: EnrollmentDto })
  @ApiProblems(400, 401, 403, 404, 409)
  reject(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EnrollmentDto> {
    return this.admission.reject(user, id);
  }

  @Roles('trainer', 'admin')
  @Post('complete')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Validate completion (the session’s staff)',
    description:
      'Checks the course’s completion rule: every required published module done (if the rule ' +
      'says so), attendance at or above the threshold of the meetings held (if set); this call ' +
      'is the trainer’s validation. Refused with 409 `required_modules_incomplete` or ' +
      '`attendance_below_threshold`, the detail naming every unmet criterion with its figures. ' +
      'Administrators may give a past `completedOn`; an administrator completing a session that ' +
      'has ended attests a completion the records do not show (a past cohort): it is recorded, ' +
      'marked in `completionAttestation` and audited.',
  })
  @ApiOkResponse({ type: EnrollmentDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  complete(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CompleteEnrollmentDto,
  ): Promise<EnrollmentDetailDto> {
    return this.completion.complete(user, id, dto);
  }

  @Roles('trainer', 'admin')
  @Post('not-completed')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Mark a confirmed enrollment not completed (the session’s staff)',
    description: 'It may still be completed later, once the rule is met.',
  })
  @ApiOkResponse({ type: EnrollmentDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  markNotCompleted(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EnrollmentDetailDto> {
    return this.completion.markNotCompleted(user, id);
  }

  @Get('modules')
  @ApiOperation({
    summary: 'The published modules of my course, with what I marked done (the enrolled trainee)',
    description: 'Once the seat is confirmed (409 before); anyone else gets 404.',
  })
  @ApiOkResponse({ type: EnrollmentModulesDto })
  @ApiProblems(400, 401, 404, 409)
  modules(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EnrollmentModulesDto> {
    return this.progress.outline(user, id);
  }

  @Get('modules/:moduleId')
  @ApiOperation({
    summary: 'Read a published module of my course (the enrolled trainee)',
    description: 'The content is sanitised HTML. Draft modules and other courses’ modules are 404.',
  })
  @ApiOkResponse({ type: LearnerModuleDto })
  @ApiProblems(400, 401, 404, 409)
  module(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
  ): Promise<LearnerModuleDto> {
    return this.progress.module(user, id, moduleId);
  }

  @RequiresConsent()
  @Post('modules/:moduleId/complete')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Mark a module done (the enrolled trainee); marking it again changes nothing',
    description:
      '403 `consent_required` while the trainee has not answered the current personal-data notice.',
  })
  @ApiOkResponse({ type: ModuleCompletionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  completeModule(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
  ): Promise<ModuleCompletionDto> {
    return this.progress.complete(user, id, moduleId);
  }
}
