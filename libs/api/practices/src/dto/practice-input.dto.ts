import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  HasNoControlCharacters,
  IsOmittable,
  NoteText,
  propertyValidator,
  Trim,
  TrimToNull,
} from '@oris/api/platform';
import {
  LOCALES,
  PRACTICE_LIMITS,
  PRACTICE_POPULATIONS,
  PRACTICE_TEXT_FIELDS,
  PRACTICE_THEMES,
  REGION_CODES,
  type Locale,
  type PracticePopulation,
  type PracticeTextField,
  type PracticeTexts,
  type PracticeTheme,
  type RegionCode,
} from '@oris/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

// eslint-disable-next-line no-control-regex -- the control characters a multi-line text may not carry
const MULTILINE_TEXT = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/u;
const ONE_LINE = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u;

const fieldMax = (field: PracticeTextField): number =>
  field === 'title'
    ? PRACTICE_LIMITS.titleMax
    : field === 'summary'
      ? PRACTICE_LIMITS.summaryMax
      : PRACTICE_LIMITS.textMax;

const isFieldText = (field: string, text: unknown): boolean =>
  (PRACTICE_TEXT_FIELDS as readonly string[]).includes(field) &&
  typeof text === 'string' &&
  text.length <= fieldMax(field as PracticeTextField) &&
  (field === 'title' ? ONE_LINE : MULTILINE_TEXT).test(text);

/**
 * `{ "fr": { "title": …, "summary": … }, "ar": { … } }`: languages fr, ar, en; in each, the text
 * fields of the contract (plain text, line breaks allowed except in the title), within their
 * limits. With `removable`, a language may be `null` (a PATCH removes that translation).
 */
const IsPracticeTexts = (removable: boolean) =>
  propertyValidator(
    'isPracticeTexts',
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.entries(value).every(
        ([language, texts]) =>
          (LOCALES as readonly string[]).includes(language) &&
          ((removable && texts === null) ||
            (typeof texts === 'object' &&
              texts !== null &&
              !Array.isArray(texts) &&
              Object.entries(texts).every(([field, text]) => isFieldText(field, text)))),
      ),
    ({ property }) =>
      `${property} must map fr, ar or en to the sheet's text fields (${PRACTICE_TEXT_FIELDS.join(', ')}): ` +
      `plain text, title at most ${PRACTICE_LIMITS.titleMax} characters on one line, summary at most ` +
      `${PRACTICE_LIMITS.summaryMax}, the others at most ${PRACTICE_LIMITS.textMax}`,
  );

/** `{ "<fr|ar|en>": "<text>" }`, each non-empty and at most `max` characters. */
export const IsTextByLanguage = (max: number, multiline: boolean) =>
  propertyValidator(
    'isTextByLanguage',
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.entries(value).every(
        ([language, text]) =>
          (LOCALES as readonly string[]).includes(language) &&
          typeof text === 'string' &&
          text.trim().length > 0 &&
          text.length <= max &&
          (multiline ? MULTILINE_TEXT : ONE_LINE).test(text),
      ),
    ({ property }) =>
      `${property} must map fr, ar or en to non-empty texts of at most ${max} characters`,
  );

const TEXTS_EXAMPLE = {
  fr: { title: 'Insertion des jeunes par la coopérative', summary: 'Un parcours de 9 mois…' },
  ar: { title: 'إدماج الشباب عبر التعاونية' },
};

export class PracticeResultFigureDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { fr: 'Taux d’insertion à 12 mois', ar: 'نسبة الإدماج بعد 12 شهرا' },
  })
  @IsTextByLanguage(300, false)
  label!: Partial<Record<Locale, string>>;

  @ApiProperty({ example: 64 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(-1e12)
  @Max(1e12)
  value!: number;

  @ApiPropertyOptional({ type: String, nullable: true, example: '%' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(20)
  @HasNoControlCharacters()
  unit?: string | null;
}

export class PracticeContactInputDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The stored contact this one is (keeps its recorded consent); none for a new one.',
  })
  @IsOptional()
  @IsUUID('all')
  id?: string;

  @ApiProperty({ example: 'Fatima Zahra El Idrissi' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @HasNoControlCharacters()
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  @HasNoControlCharacters()
  role?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  @HasNoControlCharacters()
  organisation?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+212 6 61 23 45 67' })
  @IsOptional()
  @TrimToNull()
  @Matches(/^\+?[0-9 ().-]{6,40}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @ApiProperty({
    description:
      'Whether the contact agreed to be published. Its recording (when, by whom) is kept while ' +
      'it stays true; a contact without it never appears in a public answer.',
  })
  @IsBoolean()
  consentGiven!: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'How the consent was given (e.g. “email of 3 March 2026”).',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(500)
  @NoteText()
  consentNote?: string | null;
}

export class PracticeLinksDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(PRACTICE_LIMITS.linksMax)
  @IsUUID('all', { each: true })
  toolIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(PRACTICE_LIMITS.linksMax)
  @IsUUID('all', { each: true })
  publicationIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(PRACTICE_LIMITS.linksMax)
  @IsUUID('all', { each: true })
  courseIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMaxSize(PRACTICE_LIMITS.linksMax)
  @IsUUID('all', { each: true })
  partnershipIds!: string[];
}

/** The sheet's fields other than its texts, each optional (sent: replaced). */
export class PracticeFieldsDto {
  @ApiPropertyOptional({ example: 'insertion-jeunes-cooperative-agadir' })
  @IsOmittable()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'slug must be lower-case words joined by -' })
  @MaxLength(120)
  slug?: string;

  @ApiPropertyOptional({ enum: REGION_CODES, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(REGION_CODES.length)
  @ArrayUnique()
  @IsIn(REGION_CODES, { each: true })
  regions?: RegionCode[];

  @ApiPropertyOptional({ enum: PRACTICE_THEMES, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(PRACTICE_THEMES.length)
  @ArrayUnique()
  @IsIn(PRACTICE_THEMES, { each: true })
  themes?: PracticeTheme[];

  @ApiPropertyOptional({ enum: PRACTICE_POPULATIONS, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(PRACTICE_POPULATIONS.length)
  @ArrayUnique()
  @IsIn(PRACTICE_POPULATIONS, { each: true })
  populations?: PracticePopulation[];

  @ApiPropertyOptional({ type: Number, nullable: true, example: 1250000 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(999_999_999_999)
  totalCostMad?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 8300 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(9_999_999_999)
  costPerBeneficiaryMad?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 150 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  beneficiaries?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 2021 })
  @IsOptional()
  @IsInt()
  @Min(1950)
  @Max(2100)
  startYear?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 2024 })
  @IsOptional()
  @IsInt()
  @Min(1950)
  @Max(2100)
  endYear?: number | null;

  @ApiPropertyOptional({ type: [PracticeResultFigureDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(PRACTICE_LIMITS.resultFiguresMax)
  @ValidateNested({ each: true })
  @Type(() => PracticeResultFigureDto)
  resultFigures?: PracticeResultFigureDto[];

  @ApiPropertyOptional({
    type: [PracticeContactInputDto],
    description: 'Replaces the list; a contact keeps its recorded consent by sending its `id`.',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(PRACTICE_LIMITS.contactsMax)
  @ValidateNested({ each: true })
  @Type(() => PracticeContactInputDto)
  contacts?: PracticeContactInputDto[];

  @ApiPropertyOptional({ type: PracticeLinksDto, description: 'Replaces every list of links.' })
  @IsOmittable()
  @ValidateNested()
  @Type(() => PracticeLinksDto)
  links?: PracticeLinksDto;
}

/** A PATCH: the fields sent change; `version` (or If-Match) says which version was edited. */
export class UpdatePracticeDto extends PracticeFieldsDto {
  @ApiPropertyOptional({
    description:
      'The version the edit starts from (or send `If-Match: "<version>"`): 409 when the sheet ' +
      'has a newer one, so two editors never overwrite each other silently.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOmittable()
  @IsIn(LOCALES)
  originalLanguage?: Locale;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'object', nullable: true },
    example: TEXTS_EXAMPLE,
    description:
      'Per language, the text fields; a sent language replaces that language’s texts, `null` ' +
      'removes a translation, languages not sent are kept.',
  })
  @IsOmittable()
  @IsPracticeTexts(true)
  texts?: Partial<Record<Locale, PracticeTexts | null>>;
}

/** A new sheet: its original language and at least the title in it; the rest may follow. */
export class CreatePracticeDto extends PracticeFieldsDto {
  @ApiProperty({ enum: LOCALES, example: 'fr' })
  @IsIn(LOCALES)
  originalLanguage!: Locale;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object' },
    example: TEXTS_EXAMPLE,
    description: 'Per language, the text fields; the original language needs its title.',
  })
  @IsPracticeTexts(false)
  texts!: Partial<Record<Locale, PracticeTexts>>;
}
