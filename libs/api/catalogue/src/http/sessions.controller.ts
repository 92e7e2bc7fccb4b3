import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
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
  Page,
  PageQuery,
  Roles,
  Viewer,
} from '@oris/api/platform';
import type { Viewer as ViewerType } from '../common/access-rules';
import { PublicWithOptionalUser } from '@oris/api/identity';
import {
  CreateSessionDto,
  SessionStatusChangeDto,
  UpdateSessionDto,
} from '../dto/session-input.dto';
import { SessionDto } from '../dto/session.dto';
import { SessionReader } from '../sessions/session-reader';
import { SessionWriter } from '../sessions/session-writer';

@ApiTags('sessions')
@Controller({ path: 'courses/:courseId/sessions', version: '1' })
export class CourseSessionsController {
  constructor(
    private readonly reader: SessionReader,
    private readonly writer: SessionWriter,
  ) {}

  @PublicWithOptionalUser()
  @Get()
  @ApiOperation({
    summary: 'Sessions of a course, latest start first',
    description:
      'Public: the non-cancelled sessions of a published course. Owners and administrators ' +
      '(with an access token) get every session of their course.',
  })
  @ApiPageResponse(SessionDto)
  @ApiProblems(400, 401, 404)
  list(
    @Viewer() viewer: ViewerType,
    @Param('courseId', ParseUUIDPipe) courseId: string,
    @Query() query: PageQuery,
  ): Promise<Page<SessionDto>> {
    return this.reader.listForCourse(viewer, courseId, query);
  }

  @ApiBearerAuth()
  @Roles('trainer', 'admin')
  @Post()
  @ApiOperation({
    summary: 'Plan a session of a course (owners, administrators)',
    description:
      'Trainers default to the course’s owners. Only administrators record sessions starting in the past.',
  })
  @ApiCreatedResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('courseId', ParseUUIDPipe) courseId: string,
    @Body() dto: CreateSessionDto,
  ): Promise<SessionDto> {
    return this.writer.create(user, courseId, dto);
  }
}

@ApiTags('sessions')
@Controller({ path: 'sessions', version: '1' })
export class SessionsController {
  constructor(
    private readonly reader: SessionReader,
    private readonly writer: SessionWriter,
  ) {}

  @PublicWithOptionalUser()
  @Get(':id')
  @ApiOperation({
    summary: 'A session, with its seats left',
    description:
      'Public for a non-cancelled session of a published course; its trainers, the course’s ' +
      'owners and administrators see it whatever the status, with the online link.',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 404)
  get(@Viewer() viewer: ViewerType, @Param('id', ParseUUIDPipe) id: string): Promise<SessionDto> {
    return this.reader.get(viewer, id);
  }

  @ApiBearerAuth()
  @Roles('trainer', 'admin')
  @Patch(':id')
  @ApiOperation({
    summary: 'Edit a session (its trainers, the course’s owners, administrators)',
    description:
      'Fields left out are kept. `meetings`, when sent, is the full list (meetings with an id are ' +
      'kept). Only owners and administrators change `trainerIds`. The capacity never goes below ' +
      'the confirmed seats (409); a completed or cancelled session is read-only (409).',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSessionDto,
  ): Promise<SessionDto> {
    return this.writer.update(user, id, dto);
  }

  @ApiBearerAuth()
  @Roles('trainer', 'admin')
  @Post(':id/status')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Move a session along planned → open → running → completed, or cancel it',
    description: 'An illegal move is 409; a session opens only once its course is published.',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  changeStatus(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SessionStatusChangeDto,
  ): Promise<SessionDto> {
    return this.writer.changeStatus(user, id, dto.status);
  }
}
