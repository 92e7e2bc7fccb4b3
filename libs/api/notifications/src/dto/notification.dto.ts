import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '@oris/shared/domain';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    enum: NOTIFICATION_KINDS,
    description: 'Worded by the web app with the ICU message `notifications.kinds.<kind>`.',
  })
  kind!: NotificationKind;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'The values of the kind’s message (titles, names).',
  })
  params!: Record<string, string>;

  @ApiProperty({ type: String, nullable: true, description: 'A path of the web app to open.' })
  link!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt!: string | null;
}

export class UnreadCountDto {
  @ApiProperty({ type: 'integer', minimum: 0 })
  unread!: number;
}

export class MarkedReadDto {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many were unread.' })
  marked!: number;
}
