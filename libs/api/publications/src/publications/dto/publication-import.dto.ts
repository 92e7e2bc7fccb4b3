import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ToBoolean } from '@oris/api/platform';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { CITATION_FORMATS } from '../import/citation-formats';
import type { CitationFormat } from '../import/citation-formats';
import { PossibleDuplicateDto } from './publication.dto';

export const PUBLICATION_IMPORT_MAX_LENGTH = 900_000;
export const PUBLICATION_IMPORT_MAX_ENTRIES = 500;

export class ImportPublicationsQuery {
  @ApiPropertyOptional({
    default: false,
    description: 'Check every entry and answer the preview, writing nothing.',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  dryRun?: boolean;
}

export class ImportPublicationsDto {
  @ApiProperty({
    enum: CITATION_FORMATS,
    description: 'The format of `text`; it is never guessed, nothing is fetched.',
  })
  @IsIn(CITATION_FORMATS)
  format!: CitationFormat;

  @ApiProperty({
    maxLength: PUBLICATION_IMPORT_MAX_LENGTH,
    description: `The pasted or uploaded file (UTF-8), at most ${PUBLICATION_IMPORT_MAX_ENTRIES} entries.`,
  })
  @IsString()
  @MinLength(1)
  @MaxLength(PUBLICATION_IMPORT_MAX_LENGTH)
  text!: string;
}

export class PublicationImportProblemDto {
  @ApiProperty({
    description:
      'entry_unreadable, title_missing, date_missing, doi_invalid, isbn_invalid, orcid_invalid, doi_taken ' +
      '(params.id: the record), doi_repeated (params.entry: the earlier entry), original_title_count…',
  })
  code!: string;
  @ApiPropertyOptional() field?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) params?: Record<
    string,
    string | number
  >;
}

export class PublicationImportEntryDto {
  @ApiProperty({ description: 'Position of the entry in the file (1-based).' }) index!: number;
  @ApiProperty({ description: 'Line where it starts.' }) line!: number;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true }) type!: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedOn!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Normalised.' }) doi!: string | null;
  @ApiProperty({ type: [String] }) authors!: string[];
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The serial found by ISSN.',
  })
  serialId!: string | null;
  @ApiProperty({
    type: [PublicationImportProblemDto],
    description: 'Why it cannot be saved (empty: it can).',
  })
  problems!: PublicationImportProblemDto[];
  @ApiProperty({
    type: [PublicationImportProblemDto],
    description: 'Worth a look, not blocking (serial_not_found).',
  })
  warnings!: PublicationImportProblemDto[];
  @ApiProperty({ type: [PossibleDuplicateDto] }) possibleDuplicates!: PossibleDuplicateDto[];
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The record created (not in a dry run).',
  })
  id!: string | null;
}

export class PublicationImportReportDto {
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ enum: CITATION_FORMATS }) format!: string;
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Entries without problems.' }) valid!: number;
  @ApiProperty({ description: 'Records created (0 in a dry run).' }) saved!: number;
  @ApiProperty({ type: [PublicationImportEntryDto] }) entries!: PublicationImportEntryDto[];
}
