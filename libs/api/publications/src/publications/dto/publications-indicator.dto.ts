import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOnly, IsDateTime } from '@oris/api/catalogue';
import { LOCALES } from '@oris/shared/domain';
import type { Locale } from '@oris/shared/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class PublicationsIndicatorQuery {
  @ApiProperty({ type: 'integer', example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({
    format: 'date',
    description:
      'Reference day, not in the future (default: today in Morocco, or the day of `knownAt`), applied to the ' +
      'facts’ own dates: publication, retraction, index verification, coverage check.',
  })
  @IsOptional()
  @IsDateOnly()
  asOf?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Instant of knowledge (default: now): only what was recorded, validated or corrected by then counts. ' +
      'Not in the future; with a time zone.',
  })
  @IsOptional()
  @IsDateTime()
  knownAt?: string;
}

export class PublicationsRecordsQuery extends PublicationsIndicatorQuery {
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;

  @ApiPropertyOptional({
    enum: LOCALES,
    default: 'fr',
    description: 'Language of the titles, when the work has one.',
  })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

export class PublicationsTrilingualDto {
  @ApiProperty() fr!: string;
  @ApiProperty() ar!: string;
  @ApiProperty() en!: string;
}

export class PublicationsDefinitionDto {
  @ApiProperty({ example: 'publications-1' }) version!: string;
  @ApiProperty({ type: PublicationsTrilingualDto }) text!: PublicationsTrilingualDto;
}

export class PublicationsCompanionDto {
  @ApiProperty({
    enum: ['orisPublications', 'shareIndexed'],
    description: '`shareIndexed` is a fraction (0–1), null when there is nothing to divide by.',
  })
  key!: string;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiPropertyOptional({ type: [String] }) counted?: string[];
}

export class PublicationsBreakdownDto {
  @ApiProperty({
    enum: ['index', 'type', 'language', 'openAccess'],
    description: 'Rows by index do not sum to the total: a work indexed twice is in two rows.',
  })
  dimension!: string;
  @ApiProperty() key!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ type: [String] }) counted!: string[];
}

/** `YearIndicatorFigures` of the publications indicator. */
export class PublicationsIndicatorDto {
  @ApiProperty({ enum: ['publications'] }) indicator!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ format: 'date-time' }) knownAt!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ type: [PublicationsCompanionDto] }) companions!: PublicationsCompanionDto[];
  @ApiProperty({ type: [PublicationsBreakdownDto] }) breakdown!: PublicationsBreakdownDto[];
  @ApiProperty({ type: [String], description: 'Ids of the publications counted, sorted.' })
  counted!: string[];
  @ApiProperty({ type: PublicationsDefinitionDto }) definition!: PublicationsDefinitionDto;
}

export class PublicationCountedRecordDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) date!: string | null;
  @ApiProperty() path!: string;
}
