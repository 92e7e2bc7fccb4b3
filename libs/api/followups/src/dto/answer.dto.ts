import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOnly } from '@oris/api/catalogue';
import {
  CONTRACT_TYPES,
  PLACEMENT_TEXT_LIMITS,
  REGION_CODES,
  SITUATION_KINDS,
} from '@oris/shared/domain';
import type { ContractType, RegionCode, SituationKind } from '@oris/shared/domain';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { HasNoControlCharacters, NoteText, TrimToNull } from '@oris/api/platform';

/**
 * A short answer to a follow-up: the situation now (or the latest one). Checked like a placement
 * (`situationProblems`): a contract exactly for wage employment; employer, sector and position for
 * wage employment, enterprise creation, cooperative and internship; `endOn ≥ startOn`; no future
 * start. Seeking work and further studies are answers too.
 */
export class SurveyAnswerDto {
  @ApiProperty({
    enum: SITUATION_KINDS,
    description:
      '`wage_employment`, `self_employment`, `enterprise_creation`, `cooperative`, ' +
      '`internship`, `further_studies` or `seeking`.',
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
    description: 'The employer, enterprise, cooperative or host structure.',
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

  @ApiProperty({ enum: REGION_CODES, description: 'Where the situation takes place.' })
  @IsIn(REGION_CODES)
  regionCode!: RegionCode;

  @ApiProperty({
    format: 'date',
    example: '2026-03-01',
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

/** An officer's record of an answer given by phone: the survey's answer, plus a note. */
export class PhoneAnswerDto extends SurveyAnswerDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A registered partner instead of `employerName` (not both).',
  })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string | null;

  @ApiPropertyOptional({
    type: String,
    maxLength: PLACEMENT_TEXT_LIMITS.note,
    nullable: true,
    description: 'What was said, when, by whom: kept with the situation.',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(PLACEMENT_TEXT_LIMITS.note)
  @NoteText()
  note?: string | null;
}
