import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SITUATION_KINDS } from '@oris/shared/domain';
import type { SituationKind } from '@oris/shared/domain';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { ToBoolean } from '@oris/api/platform';

export const PLACEMENT_IMPORT_CSV_MAX_LENGTH = 900_000;

export class ImportPlacementsQuery {
  @ApiPropertyOptional({
    default: false,
    description: 'Check every row and report what would happen, writing nothing.',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  dryRun?: boolean;
}

export class ImportPlacementsDto {
  @ApiProperty({
    maxLength: PLACEMENT_IMPORT_CSV_MAX_LENGTH,
    description:
      'The CSV text (UTF-8; comma or semicolon separated; a header line naming the columns). ' +
      'Required: `email` (a person with an account and at least one completed enrollment), ' +
      '`kind`, `regionCode`, `startOn` (YYYY-MM-DD, past dates welcome), `source` ' +
      '(officer, survey, employer) and `evidence` (declared, confirmed, documented), taken from ' +
      'the file as they are. Optional: `contract` (required for wage_employment, only there), ' +
      '`organisationId` (a registered partner) or `employerName` (a free name; it is linked to ' +
      'the partner of that name in the row’s region when one is registered), `sector`, ' +
      '`position` (both required where the kind has a place of work), `endOn`, `note`. Every ' +
      'row becomes a validated situation, the importer attesting it. Cells are stored as ' +
      'written (a formula-like cell is text). At most 2,000 rows.',
    example:
      'email,kind,contract,employerName,sector,position,regionCode,startOn,source,evidence\n' +
      'amina.benali@example.ma,wage_employment,fixed_term,Association Al Amal,ESS,Animatrice,MA-04,2025-09-01,officer,confirmed',
  })
  @IsString()
  @MaxLength(PLACEMENT_IMPORT_CSV_MAX_LENGTH)
  csv!: string;
}

export class PlacementImportProblemDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Line of the file (1 = the header).' })
  line!: number;

  @ApiProperty({ example: 'contract', description: 'The column, or `file`.' })
  field!: string;

  @ApiProperty({ example: 'contract is required for wage employment' })
  reason!: string;
}

export class PlacementImportRowDto {
  @ApiProperty({ type: 'integer', minimum: 2 })
  line!: number;

  @ApiProperty()
  email!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ enum: SITUATION_KINDS })
  kind!: SituationKind;

  @ApiProperty({ format: 'date' })
  startOn!: string;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'The partner linked, if any.',
  })
  organisationId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null in a dry run.' })
  placementId!: string | null;
}

export class PlacementImportReportDto {
  @ApiProperty()
  dryRun!: boolean;

  @ApiProperty({
    description: 'Whether anything was written: never in a dry run nor with a problem.',
  })
  applied!: boolean;

  @ApiProperty({
    type: PlacementImportProblemDto,
    isArray: true,
    description: 'Every problem found (any one stops the real run, which then answers 400).',
  })
  problems!: PlacementImportProblemDto[];

  @ApiProperty({
    type: PlacementImportRowDto,
    isArray: true,
    description: 'Empty when there are problems.',
  })
  rows!: PlacementImportRowDto[];

  @ApiProperty({ type: 'integer', description: 'Situations created (would be, in a dry run).' })
  created!: number;
}
