import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ATTRIBUTIONS,
  DATE_PRECISIONS,
  OPEN_ACCESS_STATUSES,
  PUBLICATION_STATUSES,
  PUBLICATION_TYPES,
} from '@oris/shared/domain';
import type {
  Attribution,
  DatePrecision,
  OpenAccessStatus,
  PublicationStatus,
  PublicationType,
} from '@oris/shared/domain';

export class PublicationTitleViewDto {
  @ApiProperty() language!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) abstract!: string | null;
  @ApiProperty() original!: boolean;
}

export class PublicationContributorViewDto {
  @ApiProperty() position!: number;
  @ApiProperty({ enum: ['author', 'editor'] }) role!: 'author' | 'editor';
  @ApiProperty({ type: String, nullable: true }) familyName!: string | null;
  @ApiProperty({ type: String, nullable: true }) givenNames!: string | null;
  @ApiProperty({ type: String, nullable: true }) nameAr!: string | null;
  @ApiProperty({ type: String, nullable: true }) orcid!: string | null;
  @ApiProperty({ type: [String] }) affiliations!: string[];
  @ApiProperty() orisAffiliation!: boolean;
}

export class PublicationIndexRecordDto {
  @ApiProperty() index!: string;
  @ApiProperty({ type: String, nullable: true }) externalId!: string | null;
  @ApiProperty({ format: 'date' }) verifiedOn!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

/** A publication in a list. */
export class PublicationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: PUBLICATION_TYPES }) type!: PublicationType;
  @ApiProperty({ description: 'The original title.' }) title!: string;
  @ApiProperty({ description: 'The original language.' }) language!: string;
  @ApiProperty({ type: [PublicationTitleViewDto] }) titles!: PublicationTitleViewDto[];
  @ApiProperty({ format: 'date' }) publishedOn!: string;
  @ApiProperty({ enum: DATE_PRECISIONS }) publishedOnPrecision!: DatePrecision;
  @ApiProperty({ type: String, nullable: true }) doi!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) serialId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The serial’s title.' })
  serialTitle!: string | null;
  @ApiProperty({ type: [String], description: 'Contributors’ names in print order.' })
  authors!: string[];
  @ApiProperty({ enum: OPEN_ACCESS_STATUSES, nullable: true }) openAccess!: OpenAccessStatus | null;
  @ApiProperty({ enum: ATTRIBUTIONS, nullable: true }) attribution!: Attribution | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) retractedOn!: string | null;
  @ApiProperty({ enum: PUBLICATION_STATUSES }) status!: PublicationStatus;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Set on a merged duplicate: the kept record.',
  })
  mergedIntoId!: string | null;
}

export class PossibleDuplicateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) publishedOn!: string;
  @ApiProperty({ enum: PUBLICATION_STATUSES }) status!: PublicationStatus;
  @ApiProperty({
    enum: ['doi', 'isbn_title', 'title_year_author'],
    description: 'Why it may be the same work.',
  })
  reason!: 'doi' | 'isbn_title' | 'title_year_author';
}

export class PublicationHistoryDto {
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['created', 'updated', 'validated', 'withdrawn', 'merged', 'imported'] })
  change!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recordedBy!: string | null;
}

/** A publication with everything recorded about it. */
export class PublicationDetailDto extends PublicationDto {
  @ApiProperty({ type: String, nullable: true }) isbn!: string | null;
  @ApiProperty({ type: String, nullable: true }) url!: string | null;
  @ApiProperty({ type: String, nullable: true }) volume!: string | null;
  @ApiProperty({ type: String, nullable: true }) issue!: string | null;
  @ApiProperty({ type: String, nullable: true }) pages!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) peerReviewed!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) licence!: string | null;
  @ApiProperty({ type: String, nullable: true }) attributionEvidence!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'ISSN (print, else online) of the serial.',
  })
  serialIssn!: string | null;
  @ApiProperty({ type: [PublicationContributorViewDto] })
  contributors!: PublicationContributorViewDto[];
  @ApiProperty({
    type: [PublicationIndexRecordDto],
    description: 'Current item-level index records.',
  })
  indexRecords!: PublicationIndexRecordDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) validatedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiPropertyOptional({
    type: [PossibleDuplicateDto],
    description: 'Staff only: records that may be the same work (not yet merged).',
  })
  possibleDuplicates?: PossibleDuplicateDto[];
  @ApiPropertyOptional({
    type: [PublicationHistoryDto],
    description: 'Staff only: every version, newest first.',
  })
  history?: PublicationHistoryDto[];
}
