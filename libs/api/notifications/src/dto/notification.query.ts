import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@oris/api/platform';
import { NOTIFICATION_ORDERS, type NotificationOrder } from '@oris/shared/domain';
import { IsIn, IsOptional } from 'class-validator';

export class NotificationListQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: NOTIFICATION_ORDERS,
    default: 'newest',
    description: '`unread_first`: the unread ones first, each group newest first.',
  })
  @IsOptional()
  @IsIn(NOTIFICATION_ORDERS)
  order: NotificationOrder = 'newest';
}
