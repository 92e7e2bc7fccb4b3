import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IMPORT_PROBLEM_CODES, LOCALES } from '@oris/shared/domain';
import type { ImportProblemCode, ImportTemplateLanguage, Locale } from '@oris/shared/domain';
import { Transform } from 'class-transformer';
import { IsBase64, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export const IMPORT_CSV_MAX_LENGTH = 900_000;
/** Base64 of the largest .xlsx taken (`XLSX_MAX_BYTES`), within the API's 1 MiB body limit. */
export const IMPORT_XLSX_BASE64_MAX_LENGTH = 880_000;
export const IMPORT_FILE_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFileFormat = (typeof IMPORT_FILE_FORMATS)[number];
export const IMPORT_TEMPLATE_LANGUAGES = [...LOCALES, 'codes'] as const;

const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
export const IMPORT_OUTCOMES = ['confirmed', 'waitlisted', 'completed'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export class ImportEnrollmentsQuery {
  @ApiPropertyOptional({
    default: false,
    description: 'Check every row and report what would happen, writing nothing.',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({
    default: false,
    description:
      'The administrator’s explicit choice: import the rows without a problem and answer the ' +
      'others as a file (`rejectedFile`, the uploaded format, with an error column in `locale`). ' +
      'Without it, the import is all-or-nothing. Problems with the file as a whole (its columns, ' +
      'its size) refuse it either way.',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  validRowsOnly?: boolean;

  @ApiPropertyOptional({
    enum: LOCALES,
    default: 'fr',
    description: 'The language of the rejected rows’ error column.',
  })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class ImportTemplateQuery {
  @ApiPropertyOptional({ enum: IMPORT_FILE_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(IMPORT_FILE_FORMATS)
  format?: ImportFileFormat;

  @ApiPropertyOptional({
    enum: IMPORT_TEMPLATE_LANGUAGES,
    default: 'fr',
    description:
      'Headers and example values in this language, or `codes` (the column names and the codes ' +
      'of the API). An import reads both, whichever the template.',
  })
  @IsOptional()
  @IsIn(IMPORT_TEMPLATE_LANGUAGES)
  language?: ImportTemplateLanguage;
}

export class ImportEnrollmentsDto {
  @ApiPropertyOptional({
    maxLength: IMPORT_CSV_MAX_LENGTH,
    description:
      'The CSV text (UTF-8; comma or semicolon separated; a header line naming the columns): ' +
      '`email`, `fullName`, `baselineSituation`, `educationLevel` (required); `fullNameAr`, ' +
      '`gender`, `birthYear`, `regionCode` (required for a person without an account; ignored ' +
      'for someone who has one); `phone` (optional, Moroccan or international with +, stored in ' +
      'E.164 for a person the import creates; ignored for someone who has an account); `completedOn` (YYYY-MM-DD: records a past completion). Cells are ' +
      'stored as written (a formula-like cell is text). At most 2,000 rows. Headers may also be ' +
      'the columns’ labels in French, Arabic or English (`Région`, `الجهة`, `Education level`), ' +
      'and the listed values their labels (`Souss-Massa`, `Bac+2`, `salariée`), whatever the ' +
      'case and accents. Send `csv` or `xlsx`, one of the two.',
    example:
      'email,fullName,gender,birthYear,regionCode,baselineSituation,educationLevel\n' +
      'amina.benali@example.ma,Amina Benali,female,1994,MA-04,seeking,licence',
  })
  @IsOptional()
  @IsString()
  @MaxLength(IMPORT_CSV_MAX_LENGTH)
  csv?: string;

  @ApiPropertyOptional({
    maxLength: IMPORT_XLSX_BASE64_MAX_LENGTH,
    description:
      'Instead of `csv`: an Excel workbook (.xlsx), base64, at most 640 KiB; its first sheet is ' +
      'read as the CSV would be (row numbers as the spreadsheet shows them).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(IMPORT_XLSX_BASE64_MAX_LENGTH)
  @IsBase64()
  xlsx?: string;
}

export class ImportProblemDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Line of the file (1 = the header).' })
  line!: number;

  @ApiProperty({ example: 'email', description: 'The column, or `file`.' })
  field!: string;

  @ApiProperty({ example: 'already enrolled in this session', description: 'In English.' })
  reason!: string;

  @ApiProperty({
    enum: IMPORT_PROBLEM_CODES,
    description: 'Why, as a code the reader’s language words (with `params`).',
  })
  code!: ImportProblemCode;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { line: 2 },
  })
  params?: Record<string, string | number>;
}

export class ImportLineDto {
  @ApiProperty({ type: 'integer', minimum: 2 })
  line!: number;

  @ApiProperty({ description: 'As written in the file (trimmed).' })
  email!: string;

  @ApiProperty({ description: 'As written in the file (trimmed).' })
  fullName!: string;
}

export class RejectedFileDto {
  @ApiProperty({ example: 'lignes-refusees.csv' })
  fileName!: string;

  @ApiProperty({
    enum: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  })
  mediaType!: string;

  @ApiProperty({
    description:
      'The file, base64: the rejected rows as they were written, the header first, with an ' +
      'error column in the chosen language.',
  })
  base64!: string;
}

export class ImportRowDto {
  @ApiProperty({ type: 'integer', minimum: 2 })
  line!: number;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty({ description: 'No account has this email: one is created (trainee role).' })
  newPerson!: boolean;

  @ApiProperty({
    enum: IMPORT_OUTCOMES,
    description: 'What the row gives (would give, in a dry run).',
  })
  outcome!: ImportOutcome;

  @ApiProperty({
    description:
      'A completion the platform’s records cannot show (nothing done on it yet), recorded on the ' +
      'importing administrator’s attestation: only for a session that has ended.',
  })
  completionAttested!: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null in a dry run.' })
  enrollmentId!: string | null;
}

export class ImportReportDto {
  @ApiProperty()
  dryRun!: boolean;

  @ApiProperty({
    description: 'Whether anything was written: never in a dry run nor with a problem.',
  })
  applied!: boolean;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({
    type: ImportProblemDto,
    isArray: true,
    description:
      'Dry run: every problem found (any one stops the real run, which then answers 400). Empty after a real run.',
  })
  problems!: ImportProblemDto[];

  @ApiProperty({
    type: ImportRowDto,
    isArray: true,
    description:
      'What each row gives: empty when there are problems, except with `validRowsOnly`, where ' +
      'it lists the rows that would be (or were) imported.',
  })
  rows!: ImportRowDto[];

  @ApiProperty({
    type: ImportLineDto,
    isArray: true,
    description: 'Every row read from the file (dry run), so a preview can name each one.',
  })
  lines!: ImportLineDto[];

  @ApiProperty({ type: 'integer', description: 'Rows left out (with `validRowsOnly`).' })
  rejected!: number;

  @ApiProperty({
    type: RejectedFileDto,
    nullable: true,
    description: 'After an import with `validRowsOnly` that left rows out: those rows, as a file.',
  })
  rejectedFile!: RejectedFileDto | null;

  @ApiProperty({ type: 'integer' })
  newPeople!: number;

  @ApiProperty({ type: 'integer' })
  confirmed!: number;

  @ApiProperty({ type: 'integer' })
  waitlisted!: number;

  @ApiProperty({ type: 'integer' })
  completed!: number;
}
