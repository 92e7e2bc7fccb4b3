import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOnly } from '@oris/api/catalogue';
import { PageQuery, Trim } from '@oris/api/platform';
import {
  PARTNERSHIP_KINDS,
  PARTNERSHIP_STATUSES,
  type PartnershipKind,
  type PartnershipStatus,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from '@oris/shared/domain';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class PartnershipListQuery extends PageQuery {
  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the title, any case.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: PARTNERSHIP_STATUSES, description: 'Status computed on `asOf`.' })
  @IsOptional()
  @IsIn(PARTNERSHIP_STATUSES)
  status?: PartnershipStatus;

  @ApiPropertyOptional({ enum: PARTNERSHIP_KINDS })
  @IsOptional()
  @IsIn(PARTNERSHIP_KINDS)
  kind?: PartnershipKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'An organisation party to it.' })
  @IsOptional()
  @IsUUID('all')
  organisation?: string;

  @ApiPropertyOptional({ enum: STAKEHOLDER_GROUPS, description: 'A party of this group.' })
  @IsOptional()
  @IsIn(STAKEHOLDER_GROUPS)
  stakeholderGroup?: StakeholderGroup;

  @ApiPropertyOptional({ format: 'uuid', description: 'A family: its head and its members.' })
  @IsOptional()
  @IsUUID('all')
  family?: string;

  @ApiPropertyOptional({ format: 'date', description: 'The day of the status (default: today).' })
  @IsOptional()
  @IsDateOnly()
  asOf?: string;
}
