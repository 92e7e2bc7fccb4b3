import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOnly } from '@oris/api/catalogue';
import { propertyValidator, Trim, TrimToNull } from '@oris/api/platform';
import {
  ORIS_TOOL_ROLES,
  TOOL_KINDS,
  TOOL_PURPOSES,
  TOOL_STATUSES,
  type OrisToolRole,
  type ToolKind,
  type ToolPurpose,
  type ToolStatus,
} from '@oris/shared/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { canonicalLicence } from '../rules/spdx';
import { LANGUAGE_CODE, VERSION_NUMBER } from '../rules/tool-rules';

const NO_CONTROL = /^[^\p{Cc}\p{Cf}]*$/u;
// eslint-disable-next-line no-control-regex -- the control characters a note may not carry
const NOTE_TEXT = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/u;

/** `{ "<language>": "<text>" }`: language codes as keys, each text non-empty and at most `max`. */
const IsTextsByLanguage = (max: number, multiline: boolean) =>
  propertyValidator(
    'isTextsByLanguage',
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.keys(value).length <= 12 &&
      Object.entries(value).every(
        ([language, text]) =>
          LANGUAGE_CODE.test(language) &&
          typeof text === 'string' &&
          text.trim().length > 0 &&
          text.length <= max &&
          (multiline ? NOTE_TEXT : NO_CONTROL).test(text),
      ),
    ({ property }) =>
      `${property} must map language codes (fr, ar, en…) to non-empty texts of at most ${max} characters`,
  );

export const IsSpdxLicence = () =>
  propertyValidator(
    'isSpdxLicence',
    (value) => value === null || (typeof value === 'string' && canonicalLicence(value) !== null),
    ({ property }) =>
      `${property} must be an SPDX licence identifier (e.g. CC-BY-4.0, CC-BY-SA-4.0, MIT) or LicenseRef-<name>`,
  );

const TITLES = {
  type: 'object',
  additionalProperties: { type: 'string' },
  example: { fr: 'Guide de l’entrepreneuriat social', ar: 'دليل المقاولة الاجتماعية' },
} as const;

export class CreateToolDto {
  @ApiProperty({ ...TITLES, description: 'Titles by language code; one is the original.' })
  @IsTextsByLanguage(300, false)
  titles!: Record<string, string>;

  @ApiPropertyOptional({ ...TITLES, description: 'Descriptions by language code.' })
  @IsOptional()
  @IsTextsByLanguage(4000, true)
  descriptions?: Record<string, string>;

  @ApiProperty({ example: 'fr', description: 'The language of the original; `titles` has it.' })
  @Matches(LANGUAGE_CODE, { message: 'originalLanguage must be a language code' })
  originalLanguage!: string;

  @ApiProperty({ enum: TOOL_KINDS })
  @IsIn(TOOL_KINDS)
  kind!: ToolKind;

  @ApiProperty({ enum: TOOL_PURPOSES })
  @IsIn(TOOL_PURPOSES)
  purpose!: ToolPurpose;

  @ApiProperty({ enum: ORIS_TOOL_ROLES })
  @IsIn(ORIS_TOOL_ROLES)
  orisRole!: OrisToolRole;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'CC-BY-4.0',
    description: 'SPDX identifier; empty when none is declared (the tool then never counts).',
  })
  @IsOptional()
  @TrimToNull()
  @IsSpdxLicence()
  licence?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Linked courses.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  courseIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Linked publications (ids of the publications registry).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  publicationIds?: string[];
}

/** Every field may be left out; a sent field replaces the stored one (`titles` as a whole). */
export class UpdateToolDto {
  @ApiPropertyOptional({ ...TITLES })
  @IsOptional()
  @IsTextsByLanguage(300, false)
  titles?: Record<string, string>;

  @ApiPropertyOptional({ ...TITLES })
  @IsOptional()
  @IsTextsByLanguage(4000, true)
  descriptions?: Record<string, string>;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(LANGUAGE_CODE, { message: 'originalLanguage must be a language code' })
  originalLanguage?: string;

  @ApiPropertyOptional({ enum: TOOL_KINDS })
  @IsOptional()
  @IsIn(TOOL_KINDS)
  kind?: ToolKind;

  @ApiPropertyOptional({ enum: TOOL_PURPOSES })
  @IsOptional()
  @IsIn(TOOL_PURPOSES)
  purpose?: ToolPurpose;

  @ApiPropertyOptional({ enum: ORIS_TOOL_ROLES })
  @IsOptional()
  @IsIn(ORIS_TOOL_ROLES)
  orisRole?: OrisToolRole;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsSpdxLicence()
  licence?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  courseIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  publicationIds?: string[];
}

/** A version published at an address (or recorded without its file): JSON. */
export class CreateVersionDto {
  @ApiProperty({ example: '1.0', description: 'Unique per tool: `1`, `1.2`, `1.2.3`, `2.0-ar`.' })
  @Trim()
  @Matches(VERSION_NUMBER, { message: 'number must look like 1, 1.2, 1.2.3 or 2.0-ar' })
  @MaxLength(32)
  number!: string;

  @ApiProperty({ format: 'date' })
  @IsDateOnly()
  releasedOn!: string;

  @ApiProperty({ example: 'fr' })
  @Matches(LANGUAGE_CODE, { message: 'language must be a language code' })
  language!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://example.org/guide' })
  @IsOptional()
  @TrimToNull()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { message: 'url must be an http(s) address' },
  )
  @MaxLength(2000)
  url?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'What changed (translation…).',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(500)
  @Matches(NO_CONTROL, { message: 'note must not contain control characters' })
  note?: string | null;
}

/** The query of an upload: the file is the raw body (`application/octet-stream`), its type `mediaType`. */
export class UploadVersionQuery {
  @ApiProperty({ example: '1.0' })
  @Trim()
  @Matches(VERSION_NUMBER, { message: 'number must look like 1, 1.2, 1.2.3 or 2.0-ar' })
  @MaxLength(32)
  number!: string;

  @ApiProperty({ format: 'date' })
  @IsDateOnly()
  releasedOn!: string;

  @ApiProperty({ example: 'fr' })
  @Matches(LANGUAGE_CODE, { message: 'language must be a language code' })
  language!: string;

  @ApiProperty({ example: 'guide.pdf', description: 'The file name offered to downloaders.' })
  @Trim()
  @Matches(/^[^\\/\p{Cc}\p{Cf}"]{1,200}$/u, {
    message: 'fileName must be a plain file name of at most 200 characters',
  })
  fileName!: string;

  @ApiProperty({
    example: 'application/pdf',
    description:
      'The file’s media type: PDF, CSV, plain text, JSON, ZIP, DOCX, XLSX, PPTX, ODT or ODS ' +
      '(415 otherwise, or when the content does not match it).',
  })
  @IsString()
  @MaxLength(120)
  mediaType!: string;

  @ApiPropertyOptional({ type: String })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(500)
  @Matches(NO_CONTROL, { message: 'note must not contain control characters' })
  note?: string | null;
}

export class ToolVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ format: 'date' }) releasedOn!: string;
  @ApiProperty() language!: string;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ type: String, nullable: true }) fileName!: string | null;
  @ApiProperty({ type: String, nullable: true }) mediaType!: string | null;
  @ApiProperty({ type: Number, nullable: true }) fileSize!: number | null;
  @ApiProperty({ type: String, nullable: true }) sha256!: string | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiPropertyOptional({ description: 'Counted downloads (staff only).' }) downloads?: number;
}

export class ToolSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  titles!: Record<string, string>;
  @ApiProperty() originalLanguage!: string;
  @ApiProperty({ enum: TOOL_KINDS }) kind!: ToolKind;
  @ApiProperty({ enum: TOOL_PURPOSES }) purpose!: ToolPurpose;
  @ApiProperty({ enum: ORIS_TOOL_ROLES }) orisRole!: OrisToolRole;
  @ApiProperty({ type: String, nullable: true }) licence!: string | null;
  @ApiProperty({ enum: TOOL_STATUSES }) status!: ToolStatus;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'First release.' })
  firstReleasedOn!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Latest release.' })
  latestReleasedOn!: string | null;
  @ApiProperty({ type: [String], description: 'Languages of its versions.' })
  languages!: string[];
  @ApiProperty() versionCount!: number;
  @ApiPropertyOptional({ description: 'Counted downloads (staff only).' }) downloads?: number;
}

export class ToolDto extends ToolSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  descriptions!: Record<string, string>;
  @ApiProperty({ type: [ToolVersionDto], description: 'Newest release first.' })
  versions!: ToolVersionDto[];
  @ApiProperty({ type: [String], format: 'uuid' }) courseIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) publicationIds!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) validatedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
