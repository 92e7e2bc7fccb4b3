import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateTime } from '@oris/api/catalogue';
import { HasNoControlCharacters, IsOmittable, Trim } from '@oris/api/platform';
import {
  ASSIGNMENT_LIMITS as LIMITS,
  LATE_POLICIES,
  SUBMISSION_FILE_KIND_NAMES,
} from '@oris/shared/domain';
import type { LatePolicy, SubmissionFileKind } from '@oris/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const RUBRIC_ID = /^[A-Za-z0-9_-]{1,40}$/;

export class RubricLevelInputDto {
  @ApiPropertyOptional({ description: 'Kept from the rubric read; a new level has none.' })
  @IsOmittable()
  @IsString()
  @Matches(RUBRIC_ID)
  id?: string;

  @ApiProperty({ maxLength: 200, example: 'Excellent' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @HasNoControlCharacters()
  title!: string;

  @ApiProperty({ minimum: 0, maximum: LIMITS.levelPoints, description: 'Whole or half points.' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(0)
  @Max(LIMITS.levelPoints)
  points!: number;
}

export class RubricCriterionInputDto {
  @ApiPropertyOptional({ description: 'Kept from the rubric read; a new criterion has none.' })
  @IsOmittable()
  @IsString()
  @Matches(RUBRIC_ID)
  id?: string;

  @ApiProperty({ maxLength: 200, example: 'Analyse du cas' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @HasNoControlCharacters()
  title!: string;

  @ApiProperty({ type: [RubricLevelInputDto], minItems: 2, maxItems: LIMITS.levelsPerCriterion })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(LIMITS.levelsPerCriterion)
  @ValidateNested({ each: true })
  @Type(() => RubricLevelInputDto)
  levels!: RubricLevelInputDto[];
}

export class RubricInputDto {
  @ApiProperty({ type: [RubricCriterionInputDto], minItems: 1, maxItems: LIMITS.criteria })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.criteria)
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionInputDto)
  criteria!: RubricCriterionInputDto[];
}

/** A module's assignment; every field is sent (PUT). */
export class AssignmentInputDto {
  @ApiProperty({ maxLength: 200, example: 'Étude de cas : une coopérative' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @HasNoControlCharacters()
  title!: string;

  @ApiProperty({ maxLength: LIMITS.instructions, description: 'Markdown.' })
  @IsString()
  @MaxLength(LIMITS.instructions)
  instructions!: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  @ValidateIf((_o, value) => value !== null)
  @IsString()
  @IsDateTime()
  dueAt!: string | null;

  @ApiProperty({ enum: LATE_POLICIES })
  @IsIn(LATE_POLICIES)
  latePolicy!: LatePolicy;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 100,
    description: 'Percentage points off a late grade; `mark_late` only.',
  })
  @ValidateIf((_o, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(100)
  latePenaltyPercent!: number | null;

  @ApiProperty() @IsBoolean() acceptsText!: boolean;
  @ApiProperty() @IsBoolean() acceptsFiles!: boolean;

  @ApiProperty({ enum: SUBMISSION_FILE_KIND_NAMES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(SUBMISSION_FILE_KIND_NAMES, { each: true })
  fileKinds!: SubmissionFileKind[];

  @ApiProperty({ type: 'integer', minimum: 1024, maximum: LIMITS.maxFileBytes })
  @IsInt()
  @Min(1024)
  @Max(LIMITS.maxFileBytes)
  maxFileBytes!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: LIMITS.filesPerSubmission })
  @IsInt()
  @Min(1)
  @Max(LIMITS.filesPerSubmission)
  maxFiles!: number;

  @ApiProperty({
    type: RubricInputDto,
    nullable: true,
    description: 'Graded with this rubric; null: graded with a mark out of `maxMark`.',
  })
  @ValidateIf((_o, value) => value !== null)
  @ValidateNested()
  @Type(() => RubricInputDto)
  rubric!: RubricInputDto | null;

  @ApiProperty({
    type: 'number',
    nullable: true,
    maximum: LIMITS.mark,
    description: 'Without a rubric only.',
  })
  @ValidateIf((_o, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.5)
  @Max(LIMITS.mark)
  maxMark!: number | null;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  passMarkPercent!: number;

  @ApiProperty({ description: 'The course’s completion rule requires this assignment passed.' })
  @IsBoolean()
  requiredForCompletion!: boolean;
}

export class RubricLevelDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() points!: number;
}

export class RubricCriterionDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [RubricLevelDto] }) levels!: RubricLevelDto[];
}

export class RubricDto {
  @ApiProperty({ type: [RubricCriterionDto] }) criteria!: RubricCriterionDto[];
}

export class AssignmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty({ format: 'uuid' }) moduleId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'Markdown as written.' }) instructions!: string;
  @ApiProperty({ description: 'The instructions rendered, sanitised HTML.' })
  instructionsHtml!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'The due date as Moroccan wall-clock time, `YYYY-MM-DD HH:mm:ss`.',
  })
  dueInMorocco!: string | null;
  @ApiProperty({ enum: LATE_POLICIES }) latePolicy!: LatePolicy;
  @ApiProperty({ type: 'integer', nullable: true }) latePenaltyPercent!: number | null;
  @ApiProperty() acceptsText!: boolean;
  @ApiProperty() acceptsFiles!: boolean;
  @ApiProperty({ enum: SUBMISSION_FILE_KIND_NAMES, isArray: true })
  fileKinds!: SubmissionFileKind[];
  @ApiProperty({ type: 'integer' }) maxFileBytes!: number;
  @ApiProperty({ type: 'integer' }) maxFiles!: number;
  @ApiProperty({ type: RubricDto, nullable: true }) rubric!: RubricDto | null;
  @ApiProperty({ type: 'number', nullable: true }) maxMark!: number | null;
  @ApiProperty({ description: 'What a grade is out of: the rubric’s maximum or the mark.' })
  maxPoints!: number;
  @ApiProperty({ type: 'integer' }) passMarkPercent!: number;
  @ApiProperty() requiredForCompletion!: boolean;
  @ApiProperty({ type: 'integer', description: 'Submissions beyond drafts.' })
  submissionCount!: number;
  @ApiProperty({
    description:
      'A grade was given with the rubric: its criteria, levels and points are fixed (titles ' +
      'may be reworded); changing them is 409 `rubric_locked`.',
  })
  rubricLocked!: boolean;
}
