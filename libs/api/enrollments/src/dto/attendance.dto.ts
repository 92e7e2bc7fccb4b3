import { ApiProperty } from '@nestjs/swagger';
import { ENROLLMENT_LIMITS, ENROLLMENT_STATUSES } from '@oris/shared/domain';
import type { EnrollmentStatus } from '@oris/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { PersonDto } from './enrollment.dto';

export class AttendanceEntryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  enrollmentId!: string;

  @ApiProperty()
  @IsBoolean()
  present!: boolean;
}

export class RecordAttendanceDto {
  @ApiProperty({
    type: AttendanceEntryDto,
    isArray: true,
    minItems: 1,
    maxItems: ENROLLMENT_LIMITS.attendanceEntriesMax,
    description:
      'Marks to record, each enrollment at most once; enrollments left out keep their mark ' +
      '(none counts as absent).',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ENROLLMENT_LIMITS.attendanceEntriesMax)
  @ArrayUnique((entry: AttendanceEntryDto) => entry?.enrollmentId, {
    message: 'each enrollment may appear only once',
  })
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  entries!: AttendanceEntryDto[];
}

export class AttendanceMeetingDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  endsAt!: string;

  @ApiProperty({ type: String, nullable: true })
  label!: string | null;

  @ApiProperty({ description: 'Started already: counts toward attendance.' })
  held!: boolean;
}

export class AttendanceMarkDto {
  @ApiProperty({ format: 'uuid' })
  meetingId!: string;

  @ApiProperty()
  present!: boolean;
}

export class AttendanceRowDto {
  @ApiProperty({ format: 'uuid' })
  enrollmentId!: string;

  @ApiProperty({ type: PersonDto })
  person!: PersonDto;

  @ApiProperty({ enum: ENROLLMENT_STATUSES })
  status!: EnrollmentStatus;

  @ApiProperty({ type: AttendanceMarkDto, isArray: true, description: 'Recorded marks only.' })
  marks!: AttendanceMarkDto[];

  @ApiProperty({ type: 'integer', description: 'Meetings held at which the trainee was present.' })
  attended!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100,
    description: 'Of the meetings held, rounded down.',
  })
  percent!: number;
}

export class AttendanceSheetDto {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ type: AttendanceMeetingDto, isArray: true, description: 'In time order.' })
  meetings!: AttendanceMeetingDto[];

  @ApiProperty({ type: 'integer', description: 'Meetings that have started.' })
  meetingsHeld!: number;

  @ApiProperty({
    type: AttendanceRowDto,
    isArray: true,
    description: 'Every enrollee holding a seat (confirmed, completed, not completed), by name.',
  })
  rows!: AttendanceRowDto[];
}
