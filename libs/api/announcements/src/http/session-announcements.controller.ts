import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, CurrentUser, type AuthenticatedUser } from '@oris/api/platform';
import {
  AnnouncementDto,
  CreateAnnouncementDto,
  UpdateAnnouncementDto,
} from '../dto/announcement.dto';
import { AnnouncementBoard } from '../publishing/announcement-board';

@ApiTags('announcements')
@ApiBearerAuth()
@Controller({ version: '1' })
export class SessionAnnouncementsController {
  constructor(private readonly board: AnnouncementBoard) {}

  @Get('sessions/:sessionId/announcements')
  @ApiOperation({
    summary: 'A session’s announcements, newest first (its staff and its trainees)',
    description:
      'Trainees holding a seat (confirmed, completed or not) read them; anyone else gets 404.',
  })
  @ApiOkResponse({ type: AnnouncementDto, isArray: true })
  @ApiProblems(400, 401, 404)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<AnnouncementDto[]> {
    return this.board.list(user, sessionId);
  }

  @Post('sessions/:sessionId/announcements')
  @ApiOperation({
    summary: 'Announce to a session (its trainers, its course’s owners, administrators)',
    description:
      'Each trainee holding a seat gets an in-app notification at once; with `byEmail` ' +
      '(default) the worker also emails each one in their language, except those who muted the ' +
      'session. The session’s trainees get 403, anyone else 404.',
  })
  @ApiCreatedResponse({ type: AnnouncementDto })
  @ApiProblems(400, 401, 403, 404)
  post(
    @CurrentUser() user: AuthenticatedUser,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: CreateAnnouncementDto,
  ): Promise<AnnouncementDto> {
    return this.board.post(user, sessionId, body);
  }

  @Patch('announcements/:id')
  @ApiOperation({
    summary: 'Edit an announcement (the session’s staff)',
    description: 'Allowed at any time; readers see it marked edited (`editedAt`). No new email.',
  })
  @ApiOkResponse({ type: AnnouncementDto })
  @ApiProblems(400, 401, 403, 404)
  edit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateAnnouncementDto,
  ): Promise<AnnouncementDto> {
    return this.board.edit(user, id, body);
  }

  @Delete('announcements/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete an announcement and its notifications (the session’s staff)',
    description: 'Emails already sent stay sent.',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.board.remove(user, id);
  }
}
