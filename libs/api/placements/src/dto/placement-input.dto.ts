import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOnly } from '@oris/api/catalogue';
import {
  CONTRACT_TYPES,
  EVIDENCE_LEVELS,
  PLACEMENT_SOURCES,
  PLACEMENT_TEXT_LIMITS,
  REGION_CODES,
  SITUATION_KINDS,
} from '@oris/shared/domain';
import type {
  ContractType,
  EvidenceLevel,
  PlacementSource,
  RegionCode,
  SituationKind,
} from '@oris/shared/domain';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { HasNoControlCharacters, IsOmittable, NoteText, TrimToNull } from '@oris/api/platform';
import { SituationFactsDto } from './situation-facts.dto';

const KIND_DOC =
  '`wage_employment`, `self_employment`, `enterprise_creation` and `cooperative` count as ' +
  'insertion; `internship`, `further_studies`, `seeking` and `inactive` (not working, not ' +
  'looking for work) are recorded but do not.';
const PLACE_DOC =
  'Either a registered partner (`organisationId`) or a free name (`employerName`), not both; ' +
  'required for wage employment, enterprise creation, cooperative and internship.';

/**
 * `POST /placements`. Past dates are allowed (past cohorts); the start may not be in the
 * future. `sector` and `position` are required where the kind has a place of work.
 */
export class CreatePlacementDto extends SituationFactsDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The trained person (at least one completed enrollment).',
  })
  @IsUUID('all')
  userId!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The completed enrollment this situation follows, when known (one of the person’s).',
  })
  @IsOptional()
  @IsUUID('all')
  enrollmentId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: PLACE_DOC })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string | null;

  @ApiProperty({ enum: PLACEMENT_SOURCES, description: 'Who reported it.' })
  @IsIn(PLACEMENT_SOURCES)
  source!: PlacementSource;

  @ApiProperty({ enum: EVIDENCE_LEVELS })
  @IsIn(EVIDENCE_LEVELS)
  evidence!: EvidenceLevel;

  @ApiPropertyOptional({
    type: String,
    maxLength: PLACEMENT_TEXT_LIMITS.note,
    nullable: true,
    description: 'The evidence note.',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(PLACEMENT_TEXT_LIMITS.note)
  @NoteText()
  note?: string | null;

  @ApiPropertyOptional({
    default: false,
    description: 'Validate it at once: the caller attests it (only validated situations count).',
  })
  @IsOptional()
  @IsBoolean()
  validate?: boolean;
}

/**
 * `PATCH /placements/:id`: the fields to change (the person cannot change). Optional fields may be
 * cleared with null. Giving `organisationId` or `employerName` replaces the place (the other is
 * cleared); leaving wage employment clears the contract. A change of a validated situation makes
 * the new version unvalidated unless `validate` is true.
 */
export class UpdatePlacementDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID('all')
  enrollmentId?: string | null;

  @ApiPropertyOptional({ enum: SITUATION_KINDS, description: KIND_DOC })
  @IsOmittable()
  @IsIn(SITUATION_KINDS)
  kind?: SituationKind;

  @ApiPropertyOptional({ enum: CONTRACT_TYPES, nullable: true })
  @IsOptional()
  @IsIn(CONTRACT_TYPES)
  contract?: ContractType | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: PLACE_DOC })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string | null;

  @ApiPropertyOptional({
    type: String,
    maxLength: PLACEMENT_TEXT_LIMITS.employerName,
    nullable: true,
    description: PLACE_DOC,
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(PLACEMENT_TEXT_LIMITS.employerName)
  @HasNoControlCharacters()
  employerName?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: PLACEMENT_TEXT_LIMITS.sector, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(PLACEMENT_TEXT_LIMITS.sector)
  @HasNoControlCharacters()
  sector?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: PLACEMENT_TEXT_LIMITS.position, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(PLACEMENT_TEXT_LIMITS.position)
  @HasNoControlCharacters()
  position?: string | null;

  @ApiPropertyOptional({ enum: REGION_CODES })
  @IsOmittable()
  @IsIn(REGION_CODES)
  regionCode?: RegionCode;

  @ApiPropertyOptional({ format: 'date' })
  @IsOmittable()
  @IsDateOnly()
  startOn?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @IsOptional()
  @IsDateOnly()
  endOn?: string | null;

  @ApiPropertyOptional({ enum: PLACEMENT_SOURCES })
  @IsOmittable()
  @IsIn(PLACEMENT_SOURCES)
  source?: PlacementSource;

  @ApiPropertyOptional({ enum: EVIDENCE_LEVELS })
  @IsOmittable()
  @IsIn(EVIDENCE_LEVELS)
  evidence?: EvidenceLevel;

  @ApiPropertyOptional({ type: String, maxLength: PLACEMENT_TEXT_LIMITS.note, nullable: true })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(PLACEMENT_TEXT_LIMITS.note)
  @NoteText()
  note?: string | null;

  @ApiPropertyOptional({
    default: false,
    description:
      'Validate the new version: without it, a change makes the situation unvalidated (it no ' +
      'longer counts until an officer validates it again).',
  })
  @IsOptional()
  @IsBoolean()
  validate?: boolean;
}
