import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOnly } from '@oris/api/catalogue';
import { HasNoControlCharacters, TrimToNull } from '@oris/api/platform';
import {
  CONTRACT_TYPES,
  PLACEMENT_TEXT_LIMITS,
  REGION_CODES,
  SITUATION_KINDS,
} from '@oris/shared/domain';
import type { ContractType, RegionCode, SituationKind } from '@oris/shared/domain';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The facts of a situation as every form sends them — an officer's placement, a trainee's survey
 * answer, an answer taken by phone — each field checked on its own here, the whole by
 * `situationProblems` (a contract exactly for wage employment; the place, sector and position
 * where the kind has one; `endOn ≥ startOn`; no future start).
 */
export class SituationFactsDto {
  @ApiProperty({
    enum: SITUATION_KINDS,
    description:
      '`wage_employment`, `self_employment`, `enterprise_creation` and `cooperative` count as ' +
      'insertion; `internship`, `further_studies`, `seeking` and `inactive` (not working, not ' +
      'looking for work) are recorded but do not.',
  })
  @IsIn(SITUATION_KINDS)
  kind!: SituationKind;

  @ApiPropertyOptional({
    enum: CONTRACT_TYPES,
    nullable: true,
    description: 'Required for wage employment, refused for any other kind.',
  })
  @IsOptional()
  @IsIn(CONTRACT_TYPES)
  contract?: ContractType | null;

  @ApiPropertyOptional({
    type: String,
    maxLength: PLACEMENT_TEXT_LIMITS.employerName,
    nullable: true,
    description:
      'The employer, enterprise, cooperative or host structure, by name (or a registered ' +
      'partner’s `organisationId` where the form offers it, not both); required for wage ' +
      'employment, enterprise creation, cooperative and internship.',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(PLACEMENT_TEXT_LIMITS.employerName)
  @HasNoControlCharacters()
  employerName?: string | null;

  @ApiPropertyOptional({
    type: String,
    maxLength: PLACEMENT_TEXT_LIMITS.sector,
    nullable: true,
    example: 'Économie sociale et solidaire',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(PLACEMENT_TEXT_LIMITS.sector)
  @HasNoControlCharacters()
  sector?: string | null;

  @ApiPropertyOptional({
    type: String,
    maxLength: PLACEMENT_TEXT_LIMITS.position,
    nullable: true,
    example: 'Chargée de projets',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(PLACEMENT_TEXT_LIMITS.position)
  @HasNoControlCharacters()
  position?: string | null;

  @ApiProperty({ enum: REGION_CODES, description: 'Where the situation takes place.' })
  @IsIn(REGION_CODES)
  regionCode!: RegionCode;

  @ApiProperty({
    format: 'date',
    example: '2025-10-01',
    description: 'Since when; not in the future.',
  })
  @IsDateOnly()
  startOn!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'When it ended, if it has; not before `startOn`.',
  })
  @IsOptional()
  @IsDateOnly()
  endOn?: string | null;
}
