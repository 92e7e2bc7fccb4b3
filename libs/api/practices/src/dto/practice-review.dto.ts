import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoteText, Trim } from '@oris/api/platform';
import {
  LOCALES,
  PRACTICE_EVIDENCE_LEVELS,
  PRACTICE_LIMITS,
  PRACTICE_TEXT_FIELDS,
  type Locale,
  type PracticeEvidenceLevel,
} from '@oris/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsTextByLanguage } from './practice-input.dto';

/** What a comment may be about: a text field, or one of the sheet's other parts. */
export const PRACTICE_COMMENT_FIELDS = [
  ...PRACTICE_TEXT_FIELDS,
  'general',
  'regions',
  'themes',
  'populations',
  'costs',
  'years',
  'resultFigures',
  'evidence',
  'contacts',
  'links',
  'attachments',
] as const;
export type PracticeCommentField = (typeof PRACTICE_COMMENT_FIELDS)[number];

export class CreatePracticeCommentDto {
  @ApiProperty({ enum: PRACTICE_COMMENT_FIELDS, example: 'results' })
  @IsIn(PRACTICE_COMMENT_FIELDS)
  field!: PracticeCommentField;

  @ApiPropertyOptional({
    enum: LOCALES,
    nullable: true,
    description: 'The language of the text commented on; none for the whole field.',
  })
  @IsOptional()
  @IsIn(LOCALES)
  language?: Locale | null;

  @ApiProperty({ example: 'Préciser la source du taux d’insertion (enquête à 12 mois ?).' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(PRACTICE_LIMITS.commentMax)
  @NoteText()
  body!: string;
}

export const PRACTICE_REVIEW_DECISIONS = ['return', 'assess'] as const;
export type PracticeReviewDecision = (typeof PRACTICE_REVIEW_DECISIONS)[number];

/**
 * A reviewer's answer to a sheet in review: `return` it to its authors as a draft with comments,
 * or `assess` it, setting the evidence level with its justification (then publish).
 */
export class PracticeReviewDto {
  @ApiProperty({ enum: PRACTICE_REVIEW_DECISIONS })
  @IsIn(PRACTICE_REVIEW_DECISIONS)
  decision!: PracticeReviewDecision;

  @ApiPropertyOptional({
    type: [CreatePracticeCommentDto],
    description: 'With `return`: at least one comment, per field.',
  })
  @ValidateIf((review: PracticeReviewDto) => review.decision === 'return' || !!review.comments)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CreatePracticeCommentDto)
  comments?: CreatePracticeCommentDto[];

  @ApiPropertyOptional({ enum: PRACTICE_EVIDENCE_LEVELS, description: 'With `assess`.' })
  @ValidateIf((review: PracticeReviewDto) => review.decision === 'assess')
  @IsIn(PRACTICE_EVIDENCE_LEVELS)
  evidenceLevel?: PracticeEvidenceLevel;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'With `assess`: the justification per language; the original’s is required.',
    example: { fr: 'Suivi à 12 mois de trois cohortes, sans groupe de comparaison.' },
  })
  @ValidateIf((review: PracticeReviewDto) => review.decision === 'assess')
  @IsTextByLanguage(PRACTICE_LIMITS.justificationMax, true)
  evidenceJustification?: Partial<Record<Locale, string>>;
}

export class ReopenPracticeDto {
  @ApiPropertyOptional({
    description:
      'For a published sheet: also take it out of the public library until the next publish ' +
      '(by default the public keeps reading the last published version).',
  })
  @IsOptional()
  @IsBoolean()
  unpublish?: boolean;
}
