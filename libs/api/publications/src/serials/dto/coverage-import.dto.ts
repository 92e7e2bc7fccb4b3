import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ToBoolean } from '@oris/api/platform';
import { COVERAGE_STATES, OBSERVATORY_INDEX_CODES } from '@oris/shared/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { COVERAGE_LIST_FORMATS } from '../import/coverage-list-formats';
import { IsDay } from './serial-validation';

export class CoverageImportQuery {
  @ApiPropertyOptional({
    default: false,
    description: 'Check every row and report, writing nothing.',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  dryRun?: boolean;

  @ApiProperty({ enum: OBSERVATORY_INDEX_CODES, description: 'The index the list is of.' })
  @IsIn(OBSERVATORY_INDEX_CODES)
  index!: string;

  @ApiProperty({ format: 'date', description: 'The day the list was downloaded (YYYY-MM-DD).' })
  @IsDay()
  checkedOn!: string;

  @ApiPropertyOptional({
    enum: COVERAGE_LIST_FORMATS,
    description:
      'The list’s format (default: found from its header). `wos` also reads ARCI’s list, which ' +
      'has the same columns.',
  })
  @IsOptional()
  @IsIn(COVERAGE_LIST_FORMATS)
  format?: (typeof COVERAGE_LIST_FORMATS)[number];

  @ApiPropertyOptional({
    type: 'integer',
    description:
      'For lists that state no years (Web of Science, ARCI; DOAJ rows without "Added on Date"): ' +
      'the year the coverage starts. Default: the year of `checkedOn`.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2100)
  fromYear?: number;
}

export class CoverageImportProblemDto {
  @ApiProperty({
    example: 'issn_invalid',
    description:
      '`title_missing`, `issn_missing`, `issn_invalid` {column, value}, `coverage_invalid` ' +
      '{value}, `state_invalid` {value}, `duplicate_in_file` {issn, line}, ' +
      '`issns_match_two_serials` {issnPrint, issnOnline}; warning `country_unknown` {value}.',
  })
  code!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  params!: Record<string, string | number>;
}

export class CoverageImportChangeDto {
  @ApiProperty({ type: 'integer' })
  fromYear!: number;

  @ApiProperty({ type: 'integer', nullable: true })
  toYear!: number | null;

  @ApiProperty({ enum: COVERAGE_STATES })
  state!: string;

  @ApiProperty({ enum: ['add', 'supersede', 'unchanged'] })
  action!: 'add' | 'supersede' | 'unchanged';
}

export class CoverageImportRowDto {
  @ApiProperty({ type: 'integer', description: 'Line of the file (1 = the header).' })
  line!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty({ nullable: true, type: String })
  issnPrint!: string | null;

  @ApiProperty({ nullable: true, type: String })
  issnOnline!: string | null;

  @ApiProperty({
    enum: ['matched', 'new', 'rejected'],
    description: 'An existing serial (by ISSN or eISSN), a serial to create, or a row left out.',
  })
  serial!: 'matched' | 'new' | 'rejected';

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  serialId!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The matched serial’s title.' })
  serialTitle!: string | null;

  @ApiProperty({ type: [CoverageImportChangeDto] })
  coverage!: CoverageImportChangeDto[];

  @ApiProperty({ type: [CoverageImportProblemDto] })
  problems!: CoverageImportProblemDto[];

  @ApiProperty({ type: [CoverageImportProblemDto] })
  warnings!: CoverageImportProblemDto[];
}

export class CoverageImportReportDto {
  @ApiProperty()
  dryRun!: boolean;

  @ApiProperty({ enum: COVERAGE_LIST_FORMATS })
  format!: string;

  @ApiProperty({ enum: OBSERVATORY_INDEX_CODES })
  index!: string;

  @ApiProperty({ format: 'date' })
  checkedOn!: string;

  @ApiProperty({ description: 'SHA-256 of the uploaded list: every coverage row’s evidence.' })
  evidenceSha256!: string;

  @ApiProperty({ type: 'integer' })
  rows!: number;

  @ApiProperty({ type: 'integer' })
  matched!: number;

  @ApiProperty({ type: 'integer' })
  newSerials!: number;

  @ApiProperty({ type: 'integer' })
  coverageAdded!: number;

  @ApiProperty({ type: 'integer' })
  coverageSuperseded!: number;

  @ApiProperty({ type: 'integer' })
  coverageUnchanged!: number;

  @ApiProperty({ type: 'integer' })
  rejected!: number;

  @ApiProperty({
    type: [CoverageImportRowDto],
    description:
      'Every rejected row, then the others in file order, at most 2,000 rows in all (`truncated`).',
  })
  items!: CoverageImportRowDto[];

  @ApiProperty()
  truncated!: boolean;
}
