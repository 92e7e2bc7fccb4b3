import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COVERAGE_STATES, OBSERVATORY_INDEX_CODES } from '@oris/shared/domain';
import type { CoverageState } from '@oris/shared/domain';
import { Type } from 'class-transformer';
import {
  IsBase64,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDay, IsInstant } from './serial-validation';

export class CoverageDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: OBSERVATORY_INDEX_CODES })
  index!: string;

  @ApiProperty({ type: 'integer' })
  fromYear!: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Empty: ongoing.' })
  toYear!: number | null;

  @ApiProperty({ enum: COVERAGE_STATES })
  state!: CoverageState;

  @ApiProperty({ format: 'date' })
  checkedOn!: string;

  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of the evidence file.' })
  evidenceSha256!: string | null;

  @ApiProperty({ nullable: true, type: String })
  evidenceUrl!: string | null;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  recordedBy!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  supersededAt!: string | null;
}

export const EVIDENCE_BASE64_MAX_LENGTH = 820_000;

export class CoverageEvidenceDto {
  @ApiPropertyOptional({ maxLength: 2000, example: 'https://www.scopus.com/sourceid/21100' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({
    description:
      'The evidence file (a saved page, a list export, a letter) in base64, at most 600 KiB: ' +
      'stored once by its SHA-256.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(EVIDENCE_BASE64_MAX_LENGTH)
  @IsBase64()
  fileBase64?: string;
}

export class RecordCoverageDto {
  @ApiProperty({ enum: OBSERVATORY_INDEX_CODES })
  @IsIn(OBSERVATORY_INDEX_CODES)
  index!: string;

  @ApiProperty({ type: 'integer', minimum: 1900, maximum: 2100 })
  @IsInt()
  @Min(1900)
  @Max(2100)
  fromYear!: number;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'Empty: ongoing.' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  toYear?: number | null;

  @ApiProperty({ enum: COVERAGE_STATES })
  @IsIn(COVERAGE_STATES)
  state!: CoverageState;

  @ApiProperty({ format: 'date', description: 'The day the coverage was checked (YYYY-MM-DD).' })
  @IsDay()
  checkedOn!: string;

  @ApiProperty({ type: CoverageEvidenceDto, description: 'A URL or a file, one of the two.' })
  @IsObject()
  @ValidateNested()
  @Type(() => CoverageEvidenceDto)
  evidence!: CoverageEvidenceDto;
}

export class CoverageQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'The rows as known at this instant (default: now).',
  })
  @IsOptional()
  @IsInstant()
  knownAt?: string;
}

export class CoverageListDto {
  @ApiProperty({ format: 'date-time' })
  knownAt!: string;

  @ApiProperty({ type: [CoverageDto] })
  items!: CoverageDto[];
}
