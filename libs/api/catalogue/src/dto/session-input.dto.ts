import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CATALOGUE_LIMITS as LIMITS, REGION_CODES, SESSION_STATUSES } from '@oris/shared/domain';
import type { SessionStatus } from '@oris/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDateOnly, IsDateTime } from '../common/validation';
import { IsOmittable, Trim } from '@oris/api/platform';

export class MeetingInputDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'On update: the meeting to keep (and change). Meetings left out are removed.',
  })
  @IsOptional()
  @IsUUID('all')
  id?: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-02T09:00:00+01:00' })
  @IsDateTime()
  startsAt!: string;

  @ApiProperty({ format: 'date-time', example: '2026-03-02T12:30:00+01:00' })
  @IsDateTime()
  endsAt!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: LIMITS.meetingLabelMaxLength })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(LIMITS.meetingLabelMaxLength)
  label?: string | null;
}

export class CreateSessionDto {
  @ApiProperty({ maxLength: LIMITS.titleMaxLength, example: 'Cohorte printemps 2026 — Fès' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.titleMaxLength)
  title!: string;

  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'Trainers: today or later.' })
  @IsDateOnly()
  startsOn!: string;

  @ApiProperty({ format: 'date', example: '2026-03-06', description: 'On or after startsOn.' })
  @IsDateOnly()
  endsOn!: string;

  @ApiProperty({ enum: REGION_CODES, example: 'MA-03' })
  @IsIn(REGION_CODES)
  regionCode!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: LIMITS.venueMaxLength,
    description: 'Where it takes place. A session needs a venue, an online link, or both.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.venueMaxLength)
  venue?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: LIMITS.urlMaxLength,
    description:
      'https or http link of the online meetings; shown only to those running the session.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(LIMITS.urlMaxLength)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: true })
  onlineUrl?: string | null;

  @ApiProperty({
    type: 'integer',
    minimum: LIMITS.capacityMin,
    maximum: LIMITS.capacityMax,
    example: 25,
  })
  @IsInt()
  @Min(LIMITS.capacityMin)
  @Max(LIMITS.capacityMax)
  capacity!: number;

  @ApiPropertyOptional({
    format: 'date',
    description: 'First day of enrollment. Default: today, or startsOn if that is earlier.',
  })
  @IsOmittable()
  @IsDateOnly()
  opensOn?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Last day of enrollment, on or before endsOn. Default: startsOn.',
  })
  @IsOmittable()
  @IsDateOnly()
  closesOn?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Enrollments wait for a trainer’s approval.',
  })
  @IsOmittable()
  @IsBoolean()
  approvalRequired?: boolean;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: LIMITS.trainersMax,
    description: 'Trainers running the session. Default: the course’s owners.',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(LIMITS.trainersMax)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  trainerIds?: string[];

  @ApiPropertyOptional({
    type: MeetingInputDto,
    isArray: true,
    maxItems: LIMITS.meetingsMax,
    description: 'Dated meetings where attendance is taken, within the session’s days.',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(LIMITS.meetingsMax)
  @ValidateNested({ each: true })
  @Type(() => MeetingInputDto)
  meetings?: MeetingInputDto[];
}

/** Any subset of the fields; venue and onlineUrl may be cleared with null, nothing else. */
export class UpdateSessionDto extends PartialType(CreateSessionDto, {
  skipNullProperties: false,
}) {}

export class SessionStatusChangeDto {
  @ApiProperty({
    enum: SESSION_STATUSES,
    description: 'planned → open → running → completed; cancelled from any but completed.',
  })
  @IsIn(SESSION_STATUSES)
  status!: SessionStatus;
}
