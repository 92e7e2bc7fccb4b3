import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@oris/api/platform';
import { BASELINE_SITUATIONS, EDUCATION_LEVELS, GENDERS, REGION_CODES } from '@oris/shared/domain';
import type { BaselineSituation, EducationLevel, Gender, RegionCode } from '@oris/shared/domain';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PlacementDto } from './placement.dto';

export class TrainedPersonDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty({ nullable: true, type: String })
  fullNameAr!: string | null;

  @ApiProperty()
  email!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '+212612345678',
    description: 'E.164, for a call; null when the person gave none.',
  })
  phone!: string | null;

  @ApiProperty({ enum: GENDERS, nullable: true })
  gender!: Gender | null;

  @ApiProperty({ type: 'integer', nullable: true })
  birthYear!: number | null;

  @ApiProperty({ nullable: true, type: String, description: 'Current region of residence.' })
  regionCode!: string | null;
}

/** A completed enrollment, with the baseline taken at enrollment. */
export class CompletionDto {
  @ApiProperty({ format: 'uuid' })
  enrollmentId!: string;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty()
  sessionTitle!: string;

  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty()
  courseTitle!: string;

  @ApiProperty({ format: 'date', description: 'The training start.' })
  startsOn!: string;

  @ApiProperty({ format: 'date' })
  completedOn!: string;

  @ApiProperty({ nullable: true, type: String, description: 'The person’s region at enrollment.' })
  regionCode!: string | null;

  @ApiProperty({ enum: BASELINE_SITUATIONS, description: 'Situation at enrollment.' })
  baselineSituation!: BaselineSituation;

  @ApiProperty({ enum: EDUCATION_LEVELS })
  educationLevel!: EducationLevel;
}

/** What the officer's placement form needs about one person. */
export class PersonSituationDto {
  @ApiProperty({ type: TrainedPersonDto })
  person!: TrainedPersonDto;

  @ApiProperty({ type: CompletionDto, isArray: true, description: 'Oldest first.' })
  completions!: CompletionDto[];

  @ApiProperty({
    type: PlacementDto,
    isArray: true,
    description: 'Current versions of every placement, latest start first.',
  })
  placements!: PlacementDto[];
}

export class PersonToFollowDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty({ nullable: true, type: String })
  fullNameAr!: string | null;

  @ApiProperty()
  email!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '+212612345678',
    description: 'E.164, for a call; null when the person gave none.',
  })
  phone!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Region at the latest completion’s enrollment.',
  })
  regionCode!: string | null;

  @ApiProperty({ type: 'integer', minimum: 1 })
  completions!: number;

  @ApiProperty({ format: 'date', description: 'The latest completion.' })
  lastCompletedOn!: string;

  @ApiProperty()
  lastCourseTitle!: string;

  @ApiProperty({ type: 'integer', description: 'Current situations awaiting validation.' })
  awaitingValidation!: number;
}

export class ToFollowQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REGION_CODES, description: 'Region at enrollment of a completion.' })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: RegionCode;

  @ApiPropertyOptional({ format: 'uuid', description: 'Completed this course.' })
  @IsOptional()
  @IsUUID('all')
  course?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Completed this session.' })
  @IsOptional()
  @IsUUID('all')
  session?: string;
}
