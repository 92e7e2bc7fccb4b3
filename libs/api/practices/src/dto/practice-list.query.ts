import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HasNoControlCharacters, PageQuery } from '@oris/api/platform';
import {
  PRACTICE_EVIDENCE_LEVELS,
  PRACTICE_POPULATIONS,
  PRACTICE_STATUSES,
  PRACTICE_THEMES,
  REGION_CODES,
  type PracticePopulation,
  type PracticeStatus,
  type PracticeTheme,
  type RegionCode,
} from '@oris/shared/domain';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

/**
 * `view=public`: the answer anyone else would get (the last published versions, consented
 * contacts only), also for editors and administrators: the public library's pages send it, so
 * staff browsing them read what visitors read rather than their working drafts.
 */
export const PRACTICE_VIEWS = ['public'] as const;
export type PracticeView = (typeof PRACTICE_VIEWS)[number];

export class PracticeViewQuery {
  @ApiPropertyOptional({
    enum: PRACTICE_VIEWS,
    description: 'Answer as to a visitor, whoever asks (the public pages send it).',
  })
  @IsOptional()
  @IsIn(PRACTICE_VIEWS)
  view?: PracticeView;
}

export class PracticeListQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Words of the texts, any language (accents, case, Arabic spelling forgiven).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: REGION_CODES })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: RegionCode;

  @ApiPropertyOptional({ enum: PRACTICE_THEMES })
  @IsOptional()
  @IsIn(PRACTICE_THEMES)
  theme?: PracticeTheme;

  @ApiPropertyOptional({ enum: PRACTICE_POPULATIONS })
  @IsOptional()
  @IsIn(PRACTICE_POPULATIONS)
  population?: PracticePopulation;

  @ApiPropertyOptional({ enum: PRACTICE_EVIDENCE_LEVELS, description: 'At least this level.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @IsIn(PRACTICE_EVIDENCE_LEVELS)
  evidenceMin?: number;

  @ApiPropertyOptional({ enum: PRACTICE_STATUSES, description: 'Staff only.' })
  @IsOptional()
  @IsIn(PRACTICE_STATUSES)
  status?: PracticeStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only: sheets this user wrote.' })
  @IsOptional()
  @IsUUID('all')
  author?: string;

  @ApiPropertyOptional({
    enum: PRACTICE_VIEWS,
    description: 'Answer as to a visitor, whoever asks (the public pages send it).',
  })
  @IsOptional()
  @IsIn(PRACTICE_VIEWS)
  view?: PracticeView;
}

export class PracticeDiffQuery {
  @ApiPropertyOptional({
    description: 'The version compared with (default: the one before).',
    minimum: 1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  against?: number;
}

export class PracticeAttachmentQuery {
  @ApiPropertyOptional({ enum: ['attachment', 'image'], default: 'attachment' })
  @IsOptional()
  @IsIn(['attachment', 'image'])
  kind?: 'attachment' | 'image';

  @ApiProperty({ description: 'The file’s name as shown to readers.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @HasNoControlCharacters()
  fileName!: string;

  @ApiProperty({ description: 'The file’s media type (application/pdf, image/png…).' })
  @IsString()
  @MaxLength(120)
  mediaType!: string;

  @ApiPropertyOptional({ description: 'Images: the alternative text in French.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @HasNoControlCharacters()
  altFr?: string;

  @ApiPropertyOptional({ description: 'Images: the alternative text in Arabic.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @HasNoControlCharacters()
  altAr?: string;

  @ApiPropertyOptional({ description: 'Images: the alternative text in English.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @HasNoControlCharacters()
  altEn?: string;
}

export class PracticePdfQuery {
  @ApiPropertyOptional({
    example: 'fr,ar',
    description:
      'One or two of the sheet’s languages, in print order (default: the original and its first ' +
      'translation).',
  })
  @IsOptional()
  @Matches(/^(fr|ar|en)(,(fr|ar|en))?$/, {
    message: 'languages must be one or two of fr, ar, en separated by a comma',
  })
  languages?: string;
}
