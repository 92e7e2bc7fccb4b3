import { ApiProperty } from '@nestjs/swagger';
import { MeetingDto } from '@oris/api/catalogue';

export class TimetableDto {
  @ApiProperty({ format: 'uuid' })
  enrollmentId!: string;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Maison des associations, Fès' })
  venue!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The online link: for a trainee holding a seat (confirmed, then completed or not) and ' +
      'the session’s staff; null for everyone else and for a session without one.',
  })
  onlineUrl!: string | null;

  @ApiProperty({ type: MeetingDto, isArray: true, description: 'The meetings, in time order.' })
  meetings!: MeetingDto[];
}

export class CalendarFeedDto {
  @ApiProperty({ description: 'Whether a subscription link exists.' })
  active!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  createdAt!: string | null;
}

export class CalendarFeedLinkDto {
  @ApiProperty({
    description:
      'The path of the subscription link, under the API (`/api/v1/calendar-feeds/<token>.ics`). ' +
      'Shown once: only a hash of the token is kept. Making a new one revokes the previous one.',
    example: '/api/v1/calendar-feeds/3q2-7wEXAMPLE.ics',
  })
  path!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}
