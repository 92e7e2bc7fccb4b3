import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOnly, IsDateTime } from '@oris/api/catalogue';
import { LOCALES, type Locale } from '@oris/shared/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class PartnershipsIndicatorQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 2000,
    maximum: 2100,
    description: 'The year Y (default: the year of `asOf`).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({
    format: 'date',
    description:
      'Reference day, not in the future (default: today in Morocco, or the day of `knownAt`), applied to the facts’ own dates (signatures, starts, ends, renewals, termination).',
  })
  @IsOptional()
  @IsDateOnly()
  asOf?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Instant of knowledge (default: now): only agreements, parties, signatures, terminations and corrections recorded by then count.',
  })
  @IsOptional()
  @IsDateTime()
  knownAt?: string;
}

export class PartnershipsRecordsQuery extends PartnershipsIndicatorQuery {
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

  @ApiPropertyOptional({ enum: LOCALES, default: 'fr' })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

export class TrilingualDto {
  @ApiProperty()
  fr!: string;

  @ApiProperty()
  ar!: string;

  @ApiProperty()
  en!: string;
}

export class IndicatorDefinitionDto {
  @ApiProperty({ example: 'partnerships-1' })
  version!: string;

  @ApiProperty({ type: TrilingualDto })
  text!: TrilingualDto;
}

export class IndicatorCompanionDto {
  @ApiProperty({ example: 'new' })
  key!: string;

  @ApiProperty({ type: 'integer', nullable: true })
  value!: number | null;

  @ApiPropertyOptional({ type: [String] })
  counted?: string[];
}

export class IndicatorBreakdownDto {
  @ApiProperty({ example: 'kind' })
  dimension!: string;

  @ApiProperty({ example: 'convention' })
  key!: string;

  @ApiProperty({ type: 'integer' })
  value!: number;

  @ApiProperty({ type: [String] })
  counted!: string[];
}

/** `YearIndicatorFigures` (shared/domain) for the partnerships indicator. */
export class PartnershipsIndicatorDto {
  @ApiProperty({ enum: ['partnerships'] })
  indicator!: 'partnerships';

  @ApiProperty({ type: 'integer' })
  year!: number;

  @ApiProperty({ format: 'date' })
  asOf!: string;

  @ApiProperty({ format: 'date-time' })
  knownAt!: string;

  @ApiProperty({ type: 'integer', description: 'Partnership families in force in the year.' })
  value!: number;

  @ApiProperty({
    type: [IndicatorCompanionDto],
    description:
      '`new` (families whose head received its last required signature in the year) and `partners` (distinct partner organisations of the counted families; `counted` holds organisation ids).',
  })
  companions!: IndicatorCompanionDto[];

  @ApiProperty({
    type: [IndicatorBreakdownDto],
    description:
      '`kind` (the head’s kind: families), `stakeholder_group` (families with a partner of the group) and `partner_stakeholder_group` (distinct partner organisations of the group).',
  })
  breakdown!: IndicatorBreakdownDto[];

  @ApiProperty({ type: [String], description: 'The ids of the counted families’ heads, sorted.' })
  counted!: string[];

  @ApiProperty({ type: IndicatorDefinitionDto })
  definition!: IndicatorDefinitionDto;
}

export class CountedRecordDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty({ format: 'date', nullable: true, type: 'string' })
  date!: string | null;

  @ApiProperty({ example: '/observatory/partnerships/…' })
  path!: string;
}
