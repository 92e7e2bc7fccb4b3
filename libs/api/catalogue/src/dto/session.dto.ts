import { ApiProperty } from '@nestjs/swagger';
import { COURSE_STATUSES } from '@oris/shared/domain';
import type { CourseStatus } from '@oris/shared/domain';
import { PersonRefDto } from './person-ref.dto';
import { SessionBriefDto } from './course.dto';

export class CourseRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'SI-101' })
  code!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: COURSE_STATUSES })
  status!: CourseStatus;
}

export class MeetingDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  endsAt!: string;

  @ApiProperty({ type: String, nullable: true })
  label!: string | null;
}

export class SessionDto extends SessionBriefDto {
  @ApiProperty({ type: CourseRefDto })
  course!: CourseRefDto;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The online link, for those running the session; null for everyone else.',
  })
  onlineUrl!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0 })
  confirmedCount!: number;

  @ApiProperty({ type: PersonRefDto, isArray: true })
  trainers!: PersonRefDto[];

  @ApiProperty({ type: MeetingDto, isArray: true, description: 'In time order.' })
  meetings!: MeetingDto[];

  @ApiProperty({ description: 'Whether the caller may change the session.' })
  canManage!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
