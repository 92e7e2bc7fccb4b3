import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

export const IMPORT_CSV_MAX_LENGTH = 900_000;
export const IMPORT_OUTCOMES = ['confirmed', 'waitlisted', 'completed'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export class ImportEnrollmentsQuery {
  @ApiPropertyOptional({
    default: false,
    description: 'Check every row and report what would happen, writing nothing.',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

export class ImportEnrollmentsDto {
  @ApiProperty({
    maxLength: IMPORT_CSV_MAX_LENGTH,
    description:
      'The CSV text (UTF-8; comma or semicolon separated; a header line naming the columns): ' +
      '`email`, `fullName`, `baselineSituation`, `educationLevel` (required); `fullNameAr`, ' +
      '`gender`, `birthYear`, `regionCode` (required for a person without an account; ignored ' +
      'for someone who has one); `phone` (optional, Moroccan or international with +, stored in ' +
      'E.164 for a person the import creates; ignored for someone who has an account); `completedOn` (YYYY-MM-DD: records a past completion). Cells are ' +
      'stored as written (a formula-like cell is text). At most 2,000 rows.',
    example:
      'email,fullName,gender,birthYear,regionCode,baselineSituation,educationLevel\n' +
      'amina.benali@example.ma,Amina Benali,female,1994,MA-04,seeking,licence',
  })
  @IsString()
  @MaxLength(IMPORT_CSV_MAX_LENGTH)
  csv!: string;
}

export class ImportProblemDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Line of the file (1 = the header).' })
  line!: number;

  @ApiProperty({ example: 'email', description: 'The column, or `file`.' })
  field!: string;

  @ApiProperty({ example: 'already enrolled in this session' })
  reason!: string;
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

  @ApiProperty({ type: ImportRowDto, isArray: true, description: 'Empty when there are problems.' })
  rows!: ImportRowDto[];

  @ApiProperty({ type: 'integer' })
  newPeople!: number;

  @ApiProperty({ type: 'integer' })
  confirmed!: number;

  @ApiProperty({ type: 'integer' })
  waitlisted!: number;

  @ApiProperty({ type: 'integer' })
  completed!: number;
}
