import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, HasNoControlCharacters, Trim } from '@oris/api/platform';
import { ORGANISATION_KINDS, REGION_CODES, STAKEHOLDER_GROUPS } from '@oris/shared/domain';
import type { OrganisationKind, RegionCode, StakeholderGroup } from '@oris/shared/domain';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

export const ORGANISATION_NAME_MAX_LENGTH = 160;

const IsOmittable = () => ValidateIf((_object, value) => value !== undefined);

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Coopérative Argane Tiznit' })
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  kind!: OrganisationKind;

  @ApiProperty({ enum: STAKEHOLDER_GROUPS })
  stakeholderGroup!: StakeholderGroup;

  @ApiProperty({ example: 'MA-09' })
  regionCode!: string;

  @ApiProperty({ type: 'integer', description: 'Current situations that name it.' })
  placementCount!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

/** A partner organisation: its name is unique in its region, whatever the case (409 otherwise). */
export class CreateOrganisationDto {
  @ApiProperty({ maxLength: ORGANISATION_NAME_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ORGANISATION_NAME_MAX_LENGTH)
  @HasNoControlCharacters()
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @ApiPropertyOptional({
    enum: STAKEHOLDER_GROUPS,
    description: 'Its group among the stakeholders; by default the group of its kind.',
  })
  @IsOptional()
  @IsIn(STAKEHOLDER_GROUPS)
  stakeholderGroup?: StakeholderGroup;

  @ApiProperty({ enum: REGION_CODES })
  @IsIn(REGION_CODES)
  regionCode!: RegionCode;
}

export class UpdateOrganisationDto {
  @ApiPropertyOptional({ maxLength: ORGANISATION_NAME_MAX_LENGTH })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ORGANISATION_NAME_MAX_LENGTH)
  @HasNoControlCharacters()
  name?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOmittable()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({ enum: STAKEHOLDER_GROUPS })
  @IsOmittable()
  @IsIn(STAKEHOLDER_GROUPS)
  stakeholderGroup?: StakeholderGroup;

  @ApiPropertyOptional({ enum: REGION_CODES })
  @IsOmittable()
  @IsIn(REGION_CODES)
  regionCode?: RegionCode;
}

export class OrganisationListQuery extends PageQuery {
  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the name, any case.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({ enum: REGION_CODES })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: RegionCode;

  @ApiPropertyOptional({ enum: STAKEHOLDER_GROUPS })
  @IsOptional()
  @IsIn(STAKEHOLDER_GROUPS)
  stakeholderGroup?: StakeholderGroup;
}
