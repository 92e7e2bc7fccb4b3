import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOnly, IsDateTime } from '@oris/api/catalogue';
import { PageQuery } from '@oris/api/platform';
import {
  LOCALES,
  OBSERVATORY_INDICATORS,
  type Locale,
  type ObservatoryIndicator,
} from '@oris/shared/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export class ToolsIndicatorQuery {
  @ApiProperty({ type: 'integer', example: 2026, description: 'The calendar year Y.' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({
    format: 'date',
    description:
      'Reference day, not in the future (default: today in Morocco, or the day of `knownAt`), ' +
      'applied to the versions’ release dates whenever they were recorded.',
  })
  @IsOptional()
  @IsDateOnly()
  asOf?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Instant of knowledge (default: now): only tools validated, facts recorded (and not yet ' +
      'corrected) and versions recorded by then count.',
  })
  @IsOptional()
  @IsDateTime()
  knownAt?: string;
}

export class ToolsRecordsQuery extends PageQuery {
  @ApiProperty({ type: 'integer', example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsDateOnly()
  asOf?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateTime()
  knownAt?: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'fr', description: 'Language of the labels.' })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

export class TrilingualDto {
  @ApiProperty() fr!: string;
  @ApiProperty() ar!: string;
  @ApiProperty() en!: string;
}

export class IndicatorDefinitionDto {
  @ApiProperty() version!: string;
  @ApiProperty({ type: TrilingualDto }) text!: TrilingualDto;
}

export class IndicatorCompanionDto {
  @ApiProperty({ example: 'available_on_as_of' }) key!: string;
  @ApiProperty({ type: Number, nullable: true }) value!: number | null;
  @ApiPropertyOptional({ type: [String] }) counted?: string[];
}

export class IndicatorBreakdownDto {
  @ApiProperty({ example: 'kind', description: '`kind`, `purpose`, `role` or `language`.' })
  dimension!: string;
  @ApiProperty() key!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ type: [String] }) counted!: string[];
}

export class ToolsIndicatorDto {
  @ApiProperty({ enum: OBSERVATORY_INDICATORS, example: 'tools' })
  indicator!: ObservatoryIndicator;
  @ApiProperty() year!: number;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ format: 'date-time' }) knownAt!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ type: [IndicatorCompanionDto] }) companions!: IndicatorCompanionDto[];
  @ApiProperty({
    type: [IndicatorBreakdownDto],
    description:
      'Each dimension’s groups sum to `value` (a tool has one kind, purpose, role and first language).',
  })
  breakdown!: IndicatorBreakdownDto[];
  @ApiProperty({ type: [String], description: 'Ids of the tools counted in `value`, sorted.' })
  counted!: string[];
  @ApiProperty({ type: IndicatorDefinitionDto }) definition!: IndicatorDefinitionDto;
}

export class CountedRecordDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) date!: string | null;
  @ApiProperty({ example: '/observatory/tools/…' }) path!: string;
}
