import { Controller, Delete, Get, Header, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, AuthenticatedUser, CurrentUser, Public } from '@oris/api/platform';
import { CalendarFeedDto, CalendarFeedLinkDto } from '../dto/timetable.dto';
import { CalendarFeeds } from '../timetable/calendar-feeds';

@ApiTags('enrollments')
@ApiBearerAuth()
@Controller({ path: 'me/calendar-feed', version: '1' })
export class MyCalendarFeedController {
  constructor(private readonly feeds: CalendarFeeds) {}

  @Get()
  @ApiOperation({ summary: 'Whether I have a calendar subscription link, and since when' })
  @ApiOkResponse({ type: CalendarFeedDto })
  @ApiProblems(401)
  status(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedDto> {
    return this.feeds.status(user);
  }

  @Post()
  @ApiOperation({
    summary: 'Make my calendar subscription link (a new one revokes the previous one)',
    description:
      'The link serves, without signing in, every meeting of the sessions where I hold a seat, ' +
      'online links included: it is shown once and should be kept private.',
  })
  @ApiCreatedResponse({ type: CalendarFeedLinkDto })
  @ApiProblems(401)
  issue(@CurrentUser() user: AuthenticatedUser): Promise<CalendarFeedLinkDto> {
    return this.feeds.issue(user);
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke my calendar subscription link' })
  @ApiNoContentResponse()
  @ApiProblems(401)
  revoke(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.feeds.revoke(user);
  }
}

@ApiTags('enrollments')
@Public()
@Controller({ path: 'calendar-feeds', version: '1' })
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeeds) {}

  @Get(':file')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'A person’s calendar subscription (public: the token in the link is the key)',
    description:
      '`<token>.ics` from `POST /me/calendar-feed`: the meetings of the sessions where the ' +
      'person holds a seat, as RFC 5545. 404 for an unknown, replaced or revoked link.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiProblems(404)
  feed(@Param('file') file: string): Promise<string> {
    return this.feeds.feed(file);
  }
}
