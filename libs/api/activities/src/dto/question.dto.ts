import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoteText, Trim } from '@oris/api/platform';
import { QUESTION_TYPES, QUIZ_LIMITS as LIMITS } from '@oris/shared/domain';
import type { QuestionType } from '@oris/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const ITEM_ID = /^[a-z0-9]{1,12}$/;
const TAG = /^[\p{L}\p{N}][\p{L}\p{N} _'’-]*$/u;

export class ChoiceOptionInputDto {
  @ApiPropertyOptional({
    pattern: ITEM_ID.source,
    description:
      'Keep the id of an existing option when editing (answers refer to it); new options get one.',
  })
  @IsOptional()
  @IsString()
  @Matches(ITEM_ID)
  id?: string;

  @ApiProperty({ maxLength: LIMITS.optionTextMaxLength })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.optionTextMaxLength)
  @NoteText()
  text!: string;

  @ApiProperty()
  @IsBoolean()
  correct!: boolean;
}

export class MatchingPairInputDto {
  @ApiPropertyOptional({ pattern: ITEM_ID.source })
  @IsOptional()
  @IsString()
  @Matches(ITEM_ID)
  id?: string;

  @ApiProperty({ maxLength: LIMITS.optionTextMaxLength })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.optionTextMaxLength)
  @NoteText()
  left!: string;

  @ApiProperty({ maxLength: LIMITS.optionTextMaxLength })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.optionTextMaxLength)
  @NoteText()
  right!: string;
}

/**
 * A question, in the course's language. Which answer fields apply depends on the type:
 * `options` (single/multiple choice), `correct` (true/false), `acceptedAnswers` (short answer),
 * `value` and `tolerance` (numeric), `pairs` (matching). The others must be left out.
 */
export class QuestionInputDto {
  @ApiProperty({ enum: QUESTION_TYPES })
  @IsIn(QUESTION_TYPES)
  type!: QuestionType;

  @ApiProperty({ maxLength: LIMITS.questionTextMaxLength })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.questionTextMaxLength)
  @NoteText()
  text!: string;

  @ApiPropertyOptional({ maxLength: LIMITS.feedbackMaxLength, default: '' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(LIMITS.feedbackMaxLength)
  @NoteText()
  feedback?: string;

  @ApiPropertyOptional({ type: [String], maxItems: LIMITS.tagsMax, default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.tagsMax)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(LIMITS.tagMaxLength, { each: true })
  @Matches(TAG, { each: true, message: "each tag must be letters, digits, spaces or - _ '" })
  tags?: string[];

  @ApiProperty({ type: 'integer', minimum: 1, maximum: LIMITS.pointsMax })
  @IsInt()
  @Min(1)
  @Max(LIMITS.pointsMax)
  points!: number;

  @ApiPropertyOptional({ type: ChoiceOptionInputDto, isArray: true, maxItems: LIMITS.optionsMax })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.optionsMax)
  @ValidateNested({ each: true })
  @Type(() => ChoiceOptionInputDto)
  options?: ChoiceOptionInputDto[];

  @ApiPropertyOptional({ description: 'true/false: the right answer.' })
  @IsOptional()
  @IsBoolean()
  correct?: boolean;

  @ApiPropertyOptional({ type: [String], maxItems: LIMITS.acceptedAnswersMax })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.acceptedAnswersMax)
  @IsString({ each: true })
  @MaxLength(LIMITS.acceptedAnswerMaxLength, { each: true })
  @Matches(/^[^\p{Cc}\p{Cf}]*$/u, {
    each: true,
    message: 'acceptedAnswers must not contain control characters',
  })
  acceptedAnswers?: string[];

  @ApiPropertyOptional({ description: 'numeric: the right value.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e9)
  @Max(1e9)
  value?: number;

  @ApiPropertyOptional({
    description: 'numeric: how far from the value is still right.',
    minimum: 0,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e9)
  tolerance?: number;

  @ApiPropertyOptional({ type: MatchingPairInputDto, isArray: true, maxItems: LIMITS.pairsMax })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.pairsMax)
  @ValidateNested({ each: true })
  @Type(() => MatchingPairInputDto)
  pairs?: MatchingPairInputDto[];
}

export class ChoiceOptionDto {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiProperty() correct!: boolean;
}

export class MatchingPairDto {
  @ApiProperty() id!: string;
  @ApiProperty() left!: string;
  @ApiProperty() right!: string;
}

/** A question of the bank as its trainers see it (with the answer key). */
export class QuestionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: QuestionType;
  @ApiProperty() text!: string;
  @ApiProperty() feedback!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: 'integer' }) points!: number;
  @ApiProperty({ type: 'integer', description: 'Incremented by each edit.' }) version!: number;
  @ApiProperty({ type: ChoiceOptionDto, isArray: true }) options!: ChoiceOptionDto[];
  @ApiProperty({ type: 'boolean', nullable: true }) correct!: boolean | null;
  @ApiProperty({ type: [String] }) acceptedAnswers!: string[];
  @ApiProperty({ type: 'number', nullable: true }) value!: number | null;
  @ApiProperty({ type: 'number', nullable: true }) tolerance!: number | null;
  @ApiProperty({ type: MatchingPairDto, isArray: true }) pairs!: MatchingPairDto[];
  @ApiProperty({
    type: 'integer',
    description: 'Attempts that drew it (it can no longer be deleted).',
  })
  usedInAttempts!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class QuestionBankDto {
  @ApiProperty({ type: QuestionDto, isArray: true }) items!: QuestionDto[];
  @ApiProperty({ type: [String], description: 'Every tag of the bank, sorted.' }) tags!: string[];
}
