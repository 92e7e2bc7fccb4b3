import {
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  CurrentUser,
  type AuthenticatedUser,
  type Page,
} from '@oris/api/platform';
import { NotificationCentre } from '../centre/notification-centre';
import { MarkedReadDto, NotificationDto, UnreadCountDto } from '../dto/notification.dto';
import { NotificationListQuery } from '../dto/notification.query';

/** The signed-in person's own notification centre: nobody reads or marks another's. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller({ path: 'me/notifications', version: '1' })
export class MyNotificationsController {
  constructor(private readonly centre: NotificationCentre) {}

  @Get()
  @ApiOperation({
    summary: 'My notifications (anyone signed in)',
    description: 'Newest first, or `order=unread_first`. Paginated.',
  })
  @ApiPageResponse(NotificationDto)
  @ApiProblems(400, 401)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: NotificationListQuery,
  ): Promise<Page<NotificationDto>> {
    return this.centre.list(user.id, query);
  }

  @Get('unread-count')
  @ApiOperation({
    summary: 'How many of my notifications are unread (anyone signed in)',
    description: 'One indexed count: what the header’s bell polls.',
  })
  @ApiOkResponse({ type: UnreadCountDto })
  @ApiProblems(401)
  async unreadCount(@CurrentUser() user: AuthenticatedUser): Promise<UnreadCountDto> {
    return { unread: await this.centre.unreadCount(user.id) };
  }

  @Post('read-all')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark all my notifications read (anyone signed in)' })
  @ApiOkResponse({ type: MarkedReadDto })
  @ApiProblems(401)
  async markAllRead(@CurrentUser() user: AuthenticatedUser): Promise<MarkedReadDto> {
    return { marked: await this.centre.markAllRead(user.id) };
  }

  @Post(':id/read')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Mark one of my notifications read (anyone signed in; someone else’s is 404)',
  })
  @ApiOkResponse({ type: NotificationDto })
  @ApiProblems(400, 401, 404)
  markRead(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<NotificationDto> {
    return this.centre.markRead(user.id, id);
  }
}
