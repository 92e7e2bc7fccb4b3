import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  HasNoControlCharacters,
  IsOmittable,
  PageQuery,
  ToBoolean,
  Trim,
  TrimToNull,
} from '@oris/api/platform';
import { OBSERVATORY_INDEX_CODES } from '@oris/shared/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CoverageDto } from './coverage.dto';

export class SerialDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Revue marocaine des sciences sociales' })
  title!: string;

  @ApiProperty({ type: [String] })
  alternateTitles!: string[];

  @ApiProperty({ nullable: true, type: String, example: '2028-9871', description: '`NNNN-NNNC`' })
  issnPrint!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '2028-988X' })
  issnOnline!: string | null;

  @ApiProperty({ nullable: true, type: String })
  publisher!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'MA', description: 'ISO 3166-1 alpha-2' })
  country!: string | null;

  @ApiProperty({
    type: [String],
    description: 'The indexes with a current (not superseded) coverage row, whatever its years.',
  })
  indexes!: string[];

  @ApiProperty({
    description:
      'Whether a current coverage row’s evidence was last checked more than a year ago (the ' +
      'yearly evidence check).',
  })
  stale!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class SerialDetailDto extends SerialDto {
  @ApiProperty({ type: [CoverageDto], description: 'Coverage as known now (current rows).' })
  coverage!: CoverageDto[];

  @ApiProperty({
    type: [CoverageDto],
    description: 'Every coverage row ever recorded, superseded ones included, newest first.',
  })
  history!: CoverageDto[];
}

export class SerialListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Title (accent- and case-insensitive) or ISSN.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: OBSERVATORY_INDEX_CODES, description: 'Covered by this index now.' })
  @IsOptional()
  @IsIn(OBSERVATORY_INDEX_CODES)
  index?: string;

  @ApiPropertyOptional({
    description: 'Only serials whose current coverage evidence was checked more than a year ago.',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  stale?: boolean;
}

const ISSN_TEXT = /^[0-9Xx\s-]{8,12}$/;

export class CreateSerialDto {
  @ApiProperty({ maxLength: 400 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(400)
  @HasNoControlCharacters()
  title!: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(400, { each: true })
  alternateTitles?: string[];

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Checked with its check character; stored as `NNNN-NNNC`.',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @Matches(ISSN_TEXT, { message: 'issnPrint must be an ISSN' })
  issnPrint?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @Matches(ISSN_TEXT, { message: 'issnOnline must be an ISSN' })
  issnOnline?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 300 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(300)
  @HasNoControlCharacters()
  publisher?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'MA' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string | null;
}

export class UpdateSerialDto {
  @ApiPropertyOptional({ maxLength: 400 })
  @IsOmittable()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(400)
  @HasNoControlCharacters()
  title?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(400, { each: true })
  alternateTitles?: string[];

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @Matches(ISSN_TEXT, { message: 'issnPrint must be an ISSN' })
  issnPrint?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @Matches(ISSN_TEXT, { message: 'issnOnline must be an ISSN' })
  issnOnline?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 300 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(300)
  @HasNoControlCharacters()
  publisher?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string | null;
}
