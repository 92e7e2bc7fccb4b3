import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoteText } from '@oris/api/platform';
import {
  QUESTION_TYPES,
  QUIZ_GRADING_METHODS,
  QUIZ_LIMITS as LIMITS,
  QUIZ_REVIEW_POLICIES,
} from '@oris/shared/domain';
import type { QuestionType, QuizGradingMethod, QuizReviewPolicy } from '@oris/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

const ITEM_ID = /^[a-z0-9]{1,12}$/;

export class MatchInputDto {
  @ApiProperty({ description: 'A left item (pair id).' })
  @IsString()
  @Matches(ITEM_ID)
  leftId!: string;

  @ApiProperty({ description: 'The right item chosen for it (pair id).' })
  @IsString()
  @Matches(ITEM_ID)
  rightId!: string;
}

/**
 * An answer to one question; the field of the question's type is used, the others must be
 * left out: `optionId` (single choice), `optionIds` (multiple choice), `booleanValue`
 * (true/false), `text` (short answer), `numericValue` (numeric), `matches` (matching).
 * null (or an empty list) clears the answer.
 */
export class AnswerInputDto {
  @ApiPropertyOptional({ type: 'string', nullable: true })
  @IsOptional()
  @IsString()
  @Matches(ITEM_ID)
  optionId?: string | null;

  @ApiPropertyOptional({ type: [String], maxItems: LIMITS.optionsMax })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.optionsMax)
  @IsString({ each: true })
  @Matches(ITEM_ID, { each: true })
  optionIds?: string[];

  @ApiPropertyOptional({ type: 'boolean', nullable: true })
  @IsOptional()
  @IsBoolean()
  booleanValue?: boolean | null;

  @ApiPropertyOptional({ maxLength: LIMITS.shortAnswerMaxLength })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.shortAnswerMaxLength)
  @NoteText()
  text?: string;

  @ApiPropertyOptional({ type: 'number', nullable: true })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e12)
  @Max(1e12)
  numericValue?: number | null;

  @ApiPropertyOptional({ type: MatchInputDto, isArray: true, maxItems: LIMITS.pairsMax })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.pairsMax)
  @ValidateNested({ each: true })
  @Type(() => MatchInputDto)
  matches?: MatchInputDto[];
}

export class MatchDto {
  @ApiProperty() leftId!: string;
  @ApiProperty() rightId!: string;
}

/** An answer as given (or the correct one); only the field of the question's type is set. */
export class AnswerDto {
  @ApiPropertyOptional({ type: 'string', nullable: true }) optionId?: string | null;
  @ApiPropertyOptional({ type: [String] }) optionIds?: string[];
  @ApiPropertyOptional({ type: 'boolean', nullable: true }) booleanValue?: boolean | null;
  @ApiPropertyOptional() text?: string;
  @ApiPropertyOptional({ type: 'number', nullable: true }) numericValue?: number | null;
  @ApiPropertyOptional({ type: MatchDto, isArray: true }) matches?: MatchDto[];
}

export class QuizItemDto {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
}

/** A question as the trainee sees it: no key. Options (or right items) in the attempt's order. */
export class AttemptQuestionDto {
  @ApiProperty({ format: 'uuid' }) questionId!: string;
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: QuestionType;
  @ApiProperty() text!: string;
  @ApiProperty({ type: 'integer' }) points!: number;
  @ApiProperty({
    type: QuizItemDto,
    isArray: true,
    description: 'Choices, in the attempt’s order.',
  })
  options!: QuizItemDto[];
  @ApiProperty({ type: QuizItemDto, isArray: true, description: 'Matching: the left items.' })
  matchLefts!: QuizItemDto[];
  @ApiProperty({
    type: QuizItemDto,
    isArray: true,
    description: 'Matching: the right items, in the attempt’s order.',
  })
  matchRights!: QuizItemDto[];
  @ApiProperty({ type: AnswerDto, nullable: true }) answer!: AnswerDto | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) savedAt!: string | null;
  @ApiProperty({
    type: 'number',
    nullable: true,
    description: 'Only once the review policy allows.',
  })
  score!: number | null;
  @ApiProperty({
    type: AnswerDto,
    nullable: true,
    description: 'Only once the review policy allows.',
  })
  correctAnswer!: AnswerDto | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Only once the review policy allows.',
  })
  feedback!: string | null;
}

export class AttemptSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer' }) number!: number;
  @ApiProperty({ enum: ['in_progress', 'submitted'] }) status!: 'in_progress' | 'submitted';
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) deadlineAt!: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) submittedAt!: string | null;
  @ApiProperty({ enum: ['trainee', 'deadline'], nullable: true })
  closedBy!: 'trainee' | 'deadline' | null;
  @ApiProperty({ type: 'number', nullable: true }) score!: number | null;
  @ApiProperty({ type: 'number', nullable: true }) maxScore!: number | null;
  @ApiProperty({ type: 'number', nullable: true }) percent!: number | null;
}

export class AttemptDto extends AttemptSummaryDto {
  @ApiProperty({ format: 'uuid' }) quizId!: string;
  @ApiProperty() quizTitle!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Seconds left, by the server.' })
  secondsLeft!: number | null;
  @ApiProperty({ type: 'integer' }) passMarkPercent!: number;
  @ApiProperty({ type: 'boolean', nullable: true }) passed!: boolean | null;
  @ApiProperty({ description: 'Whether correct answers, scores and feedback are shown.' })
  reviewVisible!: boolean;
  @ApiProperty({ type: AttemptQuestionDto, isArray: true }) questions!: AttemptQuestionDto[];
}

export class SavedAnswerDto {
  @ApiProperty({ format: 'uuid' }) questionId!: string;
  @ApiProperty({ format: 'date-time' }) savedAt!: string;
  @ApiProperty({ type: 'integer', nullable: true }) secondsLeft!: number | null;
}

/** A quiz as its trainee sees it, with their attempts and grade. */
export class LearnerQuizDto {
  @ApiProperty({ format: 'uuid' }) quizId!: string;
  @ApiProperty({ format: 'uuid' }) moduleId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: 'integer' }) questionsPerAttempt!: number;
  @ApiProperty({ type: 'integer' }) attemptsAllowed!: number;
  @ApiProperty({ type: 'integer' }) attemptsUsed!: number;
  @ApiProperty({ type: 'integer', nullable: true }) timeLimitMinutes!: number | null;
  @ApiProperty({ type: 'integer' }) passMarkPercent!: number;
  @ApiProperty({ enum: QUIZ_REVIEW_POLICIES }) reviewPolicy!: QuizReviewPolicy;
  @ApiProperty({ enum: QUIZ_GRADING_METHODS }) gradingMethod!: QuizGradingMethod;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) closesAt!: string | null;
  @ApiProperty({ description: 'The course’s completion rule requires this quiz passed.' })
  requiredForCompletion!: boolean;
  @ApiProperty({ type: 'number', nullable: true, description: 'By the grading method.' })
  grade!: number | null;
  @ApiProperty() passed!: boolean;
  @ApiProperty({ description: 'Whether a new attempt may start (or the one in progress resume).' })
  canStart!: boolean;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  inProgressAttemptId!: string | null;
  @ApiProperty({ type: AttemptSummaryDto, isArray: true }) attempts!: AttemptSummaryDto[];
}
