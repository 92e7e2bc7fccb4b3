import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, ToBoolean, Trim } from '@oris/api/platform';
import { REGION_CODES, SITUATION_KINDS } from '@oris/shared/domain';
import type { RegionCode, SituationKind } from '@oris/shared/domain';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class PlacementListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this person’s situations.' })
  @IsOptional()
  @IsUUID('all')
  person?: string;

  @ApiPropertyOptional({ enum: SITUATION_KINDS })
  @IsOptional()
  @IsIn(SITUATION_KINDS)
  kind?: SituationKind;

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only validated (true) or awaiting validation (false).',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  validated?: boolean;

  @ApiPropertyOptional({ enum: REGION_CODES, description: 'Region of the situation.' })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: RegionCode;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only situations at this partner organisation.',
  })
  @IsOptional()
  @IsUUID('all')
  organisation?: string;

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'Part of the person’s name (Latin or Arabic), any case.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;
}
