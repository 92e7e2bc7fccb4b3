import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsDateOnly } from '@oris/api/catalogue';
import { HasNoControlCharacters, NoteText, TrimToNull } from '@oris/api/platform';
import {
  ATTRIBUTIONS,
  DATE_PRECISIONS,
  OBSERVATORY_INDEX_CODES,
  OPEN_ACCESS_STATUSES,
  PUBLICATION_TYPES,
} from '@oris/shared/domain';
import type {
  Attribution,
  DatePrecision,
  OpenAccessStatus,
  PublicationType,
} from '@oris/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class PublicationTitleDto {
  @ApiProperty({
    example: 'fr',
    description: 'Language code (`fr`, `ar`, `en` or another ISO 639-1 code).',
  })
  @Matches(/^[a-z]{2,3}$/, { message: 'language must be a 2 or 3 letter language code' })
  language!: string;

  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  @HasNoControlCharacters()
  title!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 10000 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(10000)
  @NoteText()
  abstract?: string | null;

  @ApiPropertyOptional({
    default: false,
    description: 'The language the work was written in (exactly one).',
  })
  @IsOptional()
  @IsBoolean()
  original?: boolean;
}

export class PublicationContributorDto {
  @ApiPropertyOptional({ enum: ['author', 'editor'], default: 'author' })
  @IsOptional()
  @IsIn(['author', 'editor'])
  role?: 'author' | 'editor';

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 200,
    description: 'Family name in Latin script.',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  @HasNoControlCharacters()
  familyName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  @HasNoControlCharacters()
  givenNames?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 300,
    description: 'The name in Arabic script, as printed.',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(300)
  @HasNoControlCharacters()
  nameAr?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '0000-0002-1825-0097',
    description: 'Checked with its check digit; a URL is accepted.',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(60)
  orcid?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'Affiliations as printed.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  affiliations?: string[];

  @ApiPropertyOptional({ default: false, description: 'One of the printed affiliations is ORIS.' })
  @IsOptional()
  @IsBoolean()
  orisAffiliation?: boolean;
}

export class PublicationIndexRecordInputDto {
  @ApiProperty({ enum: OBSERVATORY_INDEX_CODES })
  @IsIn(OBSERVATORY_INDEX_CODES)
  index!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 200,
    description: 'The work’s id in the index (e.g. a Scopus EID).',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  @HasNoControlCharacters()
  externalId?: string | null;

  @ApiProperty({ format: 'date', description: 'The day the record was seen in the index.' })
  @IsDateOnly()
  verifiedOn!: string;
}

/** `POST /publications`: a work as printed. */
export class CreatePublicationDto {
  @ApiProperty({ enum: PUBLICATION_TYPES })
  @IsIn(PUBLICATION_TYPES)
  type!: PublicationType;

  @ApiProperty({
    type: [PublicationTitleDto],
    description: 'One per language; exactly one `original` (a single title is the original).',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => PublicationTitleDto)
  titles!: PublicationTitleDto[];

  @ApiProperty({
    format: 'date',
    description: 'With a month or year precision, the first day of that month or year is stored.',
  })
  @IsDateOnly()
  publishedOn!: string;

  @ApiPropertyOptional({ enum: DATE_PRECISIONS, default: 'day' })
  @IsOptional()
  @IsIn(DATE_PRECISIONS)
  publishedOnPrecision?: DatePrecision;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'Stored normalised (lower case, no `https://doi.org/` or `doi:`); unique (409 `publication_doi_taken`).',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(300)
  doi?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'ISBN-10 or -13, checked; stored as ISBN-13.',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(40)
  isbn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(2000)
  @Matches(/^https?:\/\/\S+$/, { message: 'url must be an http(s) address' })
  url?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The journal (serial).',
  })
  @IsOptional()
  @IsUUID('all')
  serialId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 40 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(40)
  @HasNoControlCharacters()
  volume?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 40 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(40)
  @HasNoControlCharacters()
  issue?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 40 })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(40)
  @HasNoControlCharacters()
  pages?: string | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean()
  peerReviewed?: boolean | null;

  @ApiPropertyOptional({ enum: OPEN_ACCESS_STATUSES, nullable: true })
  @IsOptional()
  @IsIn(OPEN_ACCESS_STATUSES)
  openAccess?: OpenAccessStatus | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'CC-BY-4.0',
    description: 'SPDX identifier.',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9.+-]+$/, { message: 'licence must be an SPDX identifier' })
  licence?: string | null;

  @ApiPropertyOptional({
    enum: ATTRIBUTIONS,
    nullable: true,
    description: 'How the work is attributed to ORIS; empty when it is not.',
  })
  @IsOptional()
  @IsIn(ATTRIBUTIONS)
  attribution?: Attribution | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 2000,
    description:
      'The printed affiliation or acknowledgement, quoted (required with `attribution`).',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(2000)
  @NoteText()
  attributionEvidence?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsDateOnly()
  retractedOn?: string | null;

  @ApiPropertyOptional({ type: [PublicationContributorDto], description: 'In print order.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PublicationContributorDto)
  contributors?: PublicationContributorDto[];

  @ApiPropertyOptional({
    type: [PublicationIndexRecordInputDto],
    description: 'Item-level index records, one per index.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PublicationIndexRecordInputDto)
  indexRecords?: PublicationIndexRecordInputDto[];
}

/** `PATCH /publications/:id`: only the fields sent change. */
export class UpdatePublicationDto extends PartialType(CreatePublicationDto) {}

export class MergePublicationDto {
  @ApiProperty({ format: 'uuid', description: 'The duplicate, which will point at this record.' })
  @IsUUID('all')
  duplicateId!: string;
}
