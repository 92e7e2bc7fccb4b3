import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class LookupPublicationDto {
  @ApiPropertyOptional({
    description: 'The DOI to look up (any usual form); default: the record’s.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  doi?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The record to compare with.' })
  @IsOptional()
  @IsUUID('all')
  publicationId?: string;
}

export class LookupFieldDto {
  @ApiProperty() field!: string;
  @ApiProperty({ type: String, nullable: true }) current!: string | null;
  @ApiProperty({ type: String, nullable: true }) proposed!: string | null;
  @ApiProperty({
    description: 'A filled field of a validated record: shown, never to be overwritten.',
  })
  locked!: boolean;
}

export class LookupContributorDto {
  @ApiProperty({ type: String, nullable: true }) familyName!: string | null;
  @ApiProperty({ type: String, nullable: true }) givenNames!: string | null;
  @ApiProperty({ type: String, nullable: true }) nameAr!: string | null;
}

/** What the DOI service proposes: the fields that differ from the record. */
export class LookupProposalDto {
  @ApiProperty({ example: 'crossref' }) source!: string;
  @ApiProperty() doi!: string;
  @ApiProperty({ type: [LookupFieldDto] }) fields!: LookupFieldDto[];
  @ApiProperty({ type: [LookupContributorDto] }) contributors!: LookupContributorDto[];
}
