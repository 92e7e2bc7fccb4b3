import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOnly, IsDateTime } from '@oris/api/catalogue';
import { PageQuery } from '@oris/api/platform';
import { IMPACT_INDICATORS, type ImpactIndicator, LOCALES, type Locale } from '@oris/shared/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IndicatorDefinitionDto } from '../dto/insertion.dto';

/** Path and query strings carry text: a year or a version is a whole number. */
const ToInteger = () =>
  Transform(({ value }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  );

const AS_OF =
  'Reference day, not in the future (default: today in Morocco, or the day of `knownAt`): facts ' +
  'count by their own dates (published, released, signed, completed) up to it.';
const KNOWN_AT =
  'Instant of knowledge (default: now): only rows recorded and validated by then count, to ' +
  'reproduce a report as it was produced. Not before the `asOf` day.';

export class YearParams {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100 })
  @ToInteger()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class TargetParams extends YearParams {
  @ApiProperty({ enum: IMPACT_INDICATORS })
  @IsIn(IMPACT_INDICATORS)
  indicator!: ImpactIndicator;
}

export class VersionParams extends YearParams {
  @ApiProperty({ type: 'integer', minimum: 1 })
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(100_000)
  v!: number;
}

export class RecordsParams extends VersionParams {
  @ApiProperty({ enum: IMPACT_INDICATORS })
  @IsIn(IMPACT_INDICATORS)
  indicator!: ImpactIndicator;
}

export class ImpactQuery {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, description: 'The year.' })
  @ToInteger()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ format: 'date', description: AS_OF })
  @IsOptional()
  @IsDateOnly()
  asOf?: string;

  @ApiPropertyOptional({ format: 'date-time', description: KNOWN_AT })
  @IsOptional()
  @IsDateTime()
  knownAt?: string;
}

export class SetTargetBody {
  @ApiProperty({
    minimum: 0,
    maximum: 1_000_000_000,
    description: 'The value aimed at for the year.',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1_000_000_000)
  target!: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 1_000_000_000,
    description: 'The value the year starts from (default: none, progress counts from 0).',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1_000_000_000)
  baseline?: number | null;
}

export class TargetDto {
  @ApiProperty({ enum: IMPACT_INDICATORS })
  indicator!: ImpactIndicator;
  @ApiProperty()
  year!: number;
  @ApiProperty()
  target!: number;
  @ApiProperty({ type: Number, nullable: true })
  baseline!: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' })
  setBy!: string | null;
  @ApiProperty({ format: 'date-time' })
  setAt!: string;
}

export class FreezeBody {
  @ApiPropertyOptional({
    minLength: 3,
    maxLength: 2000,
    description: 'Why the year is frozen again: required for a restatement (a second freeze).',
  })
  @IsOptional()
  @IsString()
  @Length(3, 2000)
  reason?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: `${AS_OF} The instant of knowledge is the freeze.`,
  })
  @IsOptional()
  @IsDateOnly()
  asOf?: string;
}

export class RecordsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LOCALES, default: 'fr', description: 'Language of the labels.' })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

export class LiveRecordsQuery extends RecordsQuery {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, description: 'The year.' })
  @ToInteger()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ format: 'date', description: AS_OF })
  @IsOptional()
  @IsDateOnly()
  asOf?: string;

  @ApiPropertyOptional({ format: 'date-time', description: KNOWN_AT })
  @IsOptional()
  @IsDateTime()
  knownAt?: string;
}

export class IndicatorParams {
  @ApiProperty({ enum: IMPACT_INDICATORS })
  @IsIn(IMPACT_INDICATORS)
  indicator!: ImpactIndicator;
}

export const REPORT_FORMATS = ['pdf', 'csv', 'xlsx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export class ReportExportQuery {
  @ApiProperty({ enum: REPORT_FORMATS })
  @IsIn(REPORT_FORMATS)
  format!: ReportFormat;

  @ApiPropertyOptional({ enum: LOCALES, default: 'fr', description: 'Language of the file.' })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

export class YearCompanionDto {
  @ApiProperty({ description: 'What the figure is, e.g. `trained`, `responseRate`, `indexed`.' })
  key!: string;
  @ApiProperty({ type: Number, nullable: true })
  value!: number | null;
  @ApiPropertyOptional({ type: [String] })
  counted?: string[];
}

export class YearBreakdownDto {
  @ApiProperty()
  dimension!: string;
  @ApiProperty()
  key!: string;
  @ApiProperty()
  value!: number;
  @ApiProperty({ type: [String] })
  counted!: string[];
}

export class YearDefinitionDto {
  @ApiProperty({ description: 'Bumped when the counting rule changes.' })
  version!: string;
  @ApiProperty({ type: IndicatorDefinitionDto })
  text!: IndicatorDefinitionDto;
}

export class YearFiguresDto {
  @ApiProperty({ enum: IMPACT_INDICATORS })
  indicator!: ImpactIndicator;
  @ApiProperty()
  year!: number;
  @ApiProperty({ format: 'date' })
  asOf!: string;
  @ApiProperty({ format: 'date-time' })
  knownAt!: string;
  @ApiProperty()
  value!: number;
  @ApiProperty({ type: [YearCompanionDto] })
  companions!: YearCompanionDto[];
  @ApiProperty({ type: [YearBreakdownDto] })
  breakdown!: YearBreakdownDto[];
  @ApiProperty({ type: [String], description: 'Ids of the records counted in `value`, sorted.' })
  counted!: string[];
  @ApiProperty({ type: YearDefinitionDto })
  definition!: YearDefinitionDto;
}

export class ImpactEntryDto {
  @ApiProperty({ enum: IMPACT_INDICATORS })
  indicator!: ImpactIndicator;
  @ApiProperty({ description: 'False when no source computes this indicator here.' })
  available!: boolean;
  @ApiProperty({ type: YearFiguresDto, nullable: true })
  figures!: YearFiguresDto | null;
  @ApiProperty({ type: Number, nullable: true })
  target!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  baseline!: number | null;
}

export class TrendPointDto {
  @ApiProperty()
  year!: number;
  @ApiProperty({ type: Number, nullable: true })
  value!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  target!: number | null;
}

export class ImpactIndicatorDto extends ImpactEntryDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '(value − baseline) ÷ (target − baseline); null without a target.',
  })
  progress!: number | null;
  @ApiProperty({ type: [TrendPointDto], description: 'The five years ending at `year`.' })
  trend!: TrendPointDto[];
}

export class ImpactDto {
  @ApiProperty()
  year!: number;
  @ApiProperty({ format: 'date' })
  asOf!: string;
  @ApiProperty({ format: 'date-time' })
  knownAt!: string;
  @ApiProperty({ type: [ImpactIndicatorDto] })
  indicators!: ImpactIndicatorDto[];
}

export class IndicatorDifferenceDto {
  @ApiProperty({ enum: IMPACT_INDICATORS })
  indicator!: ImpactIndicator;
  @ApiProperty()
  changed!: boolean;
  @ApiProperty({ type: Number, nullable: true })
  valueBefore!: number | null;
  @ApiProperty({ type: Number, nullable: true })
  valueAfter!: number | null;
  @ApiProperty({ type: [String] })
  added!: string[];
  @ApiProperty({ type: [String] })
  removed!: string[];
  @ApiProperty({ type: String, nullable: true })
  definitionBefore!: string | null;
  @ApiProperty({ type: String, nullable: true })
  definitionAfter!: string | null;
}

export class ReportAuthorDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  name!: string;
}

export class ReportVersionDto {
  @ApiProperty()
  year!: number;
  @ApiProperty()
  version!: number;
  @ApiProperty({ description: 'True from version 2 on: a correction of the version before.' })
  restatement!: boolean;
  @ApiProperty({ format: 'date' })
  asOf!: string;
  @ApiProperty({ format: 'date-time', description: 'The freeze instant.' })
  knownAt!: string;
  @ApiProperty({ format: 'date-time' })
  frozenAt!: string;
  @ApiProperty({ type: ReportAuthorDto, nullable: true })
  frozenBy!: ReportAuthorDto | null;
  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;
  @ApiProperty({ type: [ImpactEntryDto] })
  indicators!: ImpactEntryDto[];
  @ApiProperty({
    type: [IndicatorDifferenceDto],
    nullable: true,
    description: 'What changed from the version before (null for version 1).',
  })
  differences!: IndicatorDifferenceDto[] | null;
}

export class ReportDto {
  @ApiProperty()
  year!: number;
  @ApiProperty({ type: [ReportVersionDto], description: 'Oldest first; empty until frozen.' })
  versions!: ReportVersionDto[];
}

export class CountedRecordDto {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  label!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' })
  date!: string | null;
  @ApiProperty({ description: 'The staff page of the record in the web app.' })
  path!: string;
}
