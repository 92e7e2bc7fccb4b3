import { ApiProperty } from '@nestjs/swagger';
import { IsDateTime } from '@oris/api/catalogue';
import { HasNoControlCharacters, Trim } from '@oris/api/platform';
import {
  QUIZ_GRADING_METHODS,
  QUIZ_LIMITS as LIMITS,
  QUIZ_REVIEW_POLICIES,
} from '@oris/shared/domain';
import type { QuizGradingMethod, QuizReviewPolicy } from '@oris/shared/domain';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

/** A module's quiz settings; every field is sent (PUT). */
export class QuizSettingsInputDto {
  @ApiProperty({ maxLength: 200, example: 'Quiz : les bases de l’ESS' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @HasNoControlCharacters()
  title!: string;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: LIMITS.drawCountMax,
    description: 'Questions drawn per attempt; null: every question of the pool.',
  })
  @ValidateIf((_o, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(LIMITS.drawCountMax)
  drawCount!: number | null;

  @ApiProperty({
    type: [String],
    maxItems: LIMITS.tagsMax,
    description: 'The pool: questions with one of these tags; empty: the whole bank.',
  })
  @IsArray()
  @ArrayMaxSize(LIMITS.tagsMax)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(LIMITS.tagMaxLength, { each: true })
  drawTags!: string[];

  @ApiProperty()
  @IsBoolean()
  shuffleOptions!: boolean;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: LIMITS.attemptsMax })
  @IsInt()
  @Min(1)
  @Max(LIMITS.attemptsMax)
  attemptsAllowed!: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: LIMITS.timeLimitMinutesMax,
    description: 'Enforced by the server; null: no time limit.',
  })
  @ValidateIf((_o, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(LIMITS.timeLimitMinutesMax)
  timeLimitMinutes!: number | null;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  passMarkPercent!: number;

  @ApiProperty({ enum: QUIZ_REVIEW_POLICIES })
  @IsIn(QUIZ_REVIEW_POLICIES)
  reviewPolicy!: QuizReviewPolicy;

  @ApiProperty({ enum: QUIZ_GRADING_METHODS })
  @IsIn(QUIZ_GRADING_METHODS)
  gradingMethod!: QuizGradingMethod;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'No attempt starts after it; required by the `after_due` review policy.',
  })
  @ValidateIf((_o, value) => value !== null)
  @IsString()
  @IsDateTime()
  closesAt!: string | null;

  @ApiProperty({ description: 'The course’s completion rule requires this quiz passed.' })
  @IsBoolean()
  requiredForCompletion!: boolean;
}

export class QuizDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) courseId!: string;
  @ApiProperty({ format: 'uuid' }) moduleId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: 'integer', nullable: true }) drawCount!: number | null;
  @ApiProperty({ type: [String] }) drawTags!: string[];
  @ApiProperty() shuffleOptions!: boolean;
  @ApiProperty({ type: 'integer' }) attemptsAllowed!: number;
  @ApiProperty({ type: 'integer', nullable: true }) timeLimitMinutes!: number | null;
  @ApiProperty({ type: 'integer' }) passMarkPercent!: number;
  @ApiProperty({ enum: QUIZ_REVIEW_POLICIES }) reviewPolicy!: QuizReviewPolicy;
  @ApiProperty({ enum: QUIZ_GRADING_METHODS }) gradingMethod!: QuizGradingMethod;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) closesAt!: string | null;
  @ApiProperty() requiredForCompletion!: boolean;
  @ApiProperty({ type: 'integer', description: 'Questions of the bank the draw takes from.' })
  poolSize!: number;
  @ApiProperty({ type: 'integer', description: 'Questions per attempt, given the pool.' })
  questionsPerAttempt!: number;
  @ApiProperty({ type: 'integer' }) attemptCount!: number;
}
