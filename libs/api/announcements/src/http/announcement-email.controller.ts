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
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Public, type AuthenticatedUser } from '@oris/api/platform';
import {
  AnnouncementEmailPreferenceDto,
  MutedSessionsDto,
  UnsubscribedDto,
  UnsubscribeDto,
} from '../dto/announcement.dto';
import { AnnouncementEmailPreferences } from '../email/announcement-email-preferences';

@ApiTags('announcements')
@ApiBearerAuth()
@Controller({ path: 'me', version: '1' })
export class MyAnnouncementEmailController {
  constructor(private readonly preferences: AnnouncementEmailPreferences) {}

  @Get('announcement-email-mutes')
  @ApiOperation({
    summary: 'The sessions whose announcements I get in the app only (anyone signed in)',
  })
  @ApiOkResponse({ type: MutedSessionsDto })
  @ApiProblems(401)
  async mutes(@CurrentUser() user: AuthenticatedUser): Promise<MutedSessionsDto> {
    return { sessionIds: await this.preferences.mutedSessions(user) };
  }

  @Get('sessions/:sessionId/announcement-email')
  @ApiOperation({
    summary: 'Whether I get this session’s announcements by email (its trainees)',
    description: 'The session’s staff get 403, anyone else 404.',
  })
  @ApiOkResponse({ type: AnnouncementEmailPreferenceDto })
  @ApiProblems(400, 401, 403, 404)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<AnnouncementEmailPreferenceDto> {
    return this.preferences.get(user, sessionId);
  }

  @Put('sessions/:sessionId/announcement-email')
  @ApiOperation({
    summary: 'Mute or unmute this session’s announcement emails (its trainees)',
    description: 'Muted, announcements still reach me in the app.',
  })
  @ApiOkResponse({ type: AnnouncementEmailPreferenceDto })
  @ApiProblems(400, 401, 403, 404)
  set(
    @CurrentUser() user: AuthenticatedUser,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() body: AnnouncementEmailPreferenceDto,
  ): Promise<AnnouncementEmailPreferenceDto> {
    return this.preferences.set(user, sessionId, body.muted);
  }
}

@ApiTags('announcements')
@Public()
@Controller({ path: 'announcement-unsubscribe', version: '1' })
export class AnnouncementUnsubscribeController {
  constructor(private readonly preferences: AnnouncementEmailPreferences) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'The one-click unsubscribe of an announcement email (anyone with the link; once)',
    description:
      'Mutes the session’s announcement emails for the trainee the link was sent to. The ' +
      'token travels in the body, so no URL carries it. Unknown and used links answer 404.',
  })
  @ApiOkResponse({ type: UnsubscribedDto })
  @ApiProblems(400, 404)
  unsubscribe(@Body() body: UnsubscribeDto): Promise<UnsubscribedDto> {
    return this.preferences.unsubscribe(body.token);
  }
}
