import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@oris/api/platform';
import {
  OBSERVATORY_INDEX_CODES,
  PUBLICATION_STATUSES,
  PUBLICATION_TYPES,
} from '@oris/shared/domain';
import type { PublicationStatus, PublicationType } from '@oris/shared/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** The filters of the list and of the export. */
export class PublicationFilterQuery {
  @ApiPropertyOptional({
    enum: PUBLICATION_STATUSES,
    description: 'Visitors get validated ones only.',
  })
  @IsOptional()
  @IsIn(PUBLICATION_STATUSES)
  status?: PublicationStatus;

  @ApiPropertyOptional({ enum: PUBLICATION_TYPES })
  @IsOptional()
  @IsIn(PUBLICATION_TYPES)
  type?: PublicationType;

  @ApiPropertyOptional({ type: 'integer', description: 'Year of publication.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({
    enum: OBSERVATORY_INDEX_CODES,
    description:
      'Indexed in it now (item-level record or the serial’s current coverage of the year).',
  })
  @IsOptional()
  @IsIn(OBSERVATORY_INDEX_CODES)
  index?: string;

  @ApiPropertyOptional({
    description:
      'Words of a title, a contributor’s name or a DOI (accents, case and Arabic spelling forgiven).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class PublicationListQuery extends PublicationFilterQuery {
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

  get skip(): number {
    return (this.page - 1) * this.pageSize;
  }
}

export type { PageQuery };

export class PublicationExportQuery extends PublicationFilterQuery {
  @ApiPropertyOptional({ enum: ['bibtex', 'ris', 'csl-json', 'csv'], default: 'bibtex' })
  @IsOptional()
  @IsIn(['bibtex', 'ris', 'csl-json', 'csv'])
  format?: 'bibtex' | 'ris' | 'csl-json' | 'csv';
}
