import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@oris/api/platform';
import {
  COURSE_THEMES,
  DEFAULT_LOCALE,
  LOCALES,
  PRACTICE_EVIDENCE_LEVELS,
  PRACTICE_POPULATIONS,
  PRACTICE_THEMES,
  REGION_CODES,
  SEARCH_KINDS,
  type Locale,
  type SearchKind,
} from '@oris/shared/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** The themes a search filters by: those of practice sheets and of courses. */
export const SEARCH_THEMES: readonly string[] = [
  ...new Set([...PRACTICE_THEMES, ...COURSE_THEMES]),
];

/** Deeper than this, a search is a crawl: pages beyond it are refused (400), not computed. */
export const SEARCH_MAX_PAGE = 500;
export const SEARCH_MAX_PAGE_SIZE = 50;

/**
 * A facet's values from the query string: repeated (`type=tool&type=course`) or comma-separated
 * (`type=tool,course`), both read as one list; anything else is left for validation to refuse.
 */
const ToList = () =>
  Transform(({ value }) => {
    const values = Array.isArray(value) ? value : [value];
    if (!values.every((item) => typeof item === 'string')) return value;
    return (values as string[]).flatMap((item) => item.split(',')).filter((item) => item !== '');
  });

const ToIntegerList = () =>
  Transform(({ value }) => {
    const values = Array.isArray(value) ? value : [value];
    if (!values.every((item) => typeof item === 'string')) return value;
    return (values as string[])
      .flatMap((item) => item.split(','))
      .filter((item) => item !== '')
      .map((item) => (/^\d{1,2}$/.test(item) ? Number(item) : item));
  });

/**
 * Text a query can hold: no control character, no NUL and no unpaired UTF-16 surrogate (which
 * PostgreSQL could not compare and class-validator could not encode); direction marks and
 * joiners, which copied Arabic text carries, are allowed and ignored by the normalisation.
 */
const QUERY_TEXT = /^[^\p{Cc}\p{Cs}]*$/u;

export class SearchQuery extends PageQuery {
  @ApiPropertyOptional({
    maxLength: 200,
    description:
      'Words in French, Arabic or English, forgiving accents, Arabic diacritics and spelling ' +
      'variants, plurals and typos. Empty: every public record, the most recent first.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(QUERY_TEXT, { message: 'q must not contain control characters or unpaired surrogates' })
  q?: string;

  @ApiPropertyOptional({
    type: [String],
    enum: SEARCH_KINDS,
    description: 'Kinds (repeat or comma-separate).',
  })
  @IsOptional()
  @ToList()
  @ArrayMaxSize(SEARCH_KINDS.length)
  @IsIn(SEARCH_KINDS, { each: true })
  type?: SearchKind[];

  @ApiPropertyOptional({ type: [String], enum: REGION_CODES })
  @IsOptional()
  @ToList()
  @ArrayMaxSize(REGION_CODES.length)
  @IsIn(REGION_CODES, { each: true })
  region?: string[];

  @ApiPropertyOptional({ type: [String], enum: SEARCH_THEMES })
  @IsOptional()
  @ToList()
  @ArrayMaxSize(SEARCH_THEMES.length)
  @IsIn(SEARCH_THEMES, { each: true })
  theme?: string[];

  @ApiPropertyOptional({ type: [String], enum: PRACTICE_POPULATIONS })
  @IsOptional()
  @ToList()
  @ArrayMaxSize(PRACTICE_POPULATIONS.length)
  @IsIn(PRACTICE_POPULATIONS, { each: true })
  population?: string[];

  @ApiPropertyOptional({
    type: [Number],
    enum: PRACTICE_EVIDENCE_LEVELS,
    description: 'Evidence levels of practice sheets (1–5).',
  })
  @IsOptional()
  @ToIntegerList()
  @ArrayMaxSize(PRACTICE_EVIDENCE_LEVELS.length)
  @IsIn(PRACTICE_EVIDENCE_LEVELS, { each: true })
  evidence?: number[];

  @ApiPropertyOptional({
    enum: LOCALES,
    default: DEFAULT_LOCALE,
    description: 'The visitor’s language: shown first among a record’s languages.',
  })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;

  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: SEARCH_MAX_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SEARCH_MAX_PAGE)
  override page = 1;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: SEARCH_MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SEARCH_MAX_PAGE_SIZE)
  override pageSize = 20;
}
