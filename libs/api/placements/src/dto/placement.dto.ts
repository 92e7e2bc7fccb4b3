import { ApiProperty } from '@nestjs/swagger';
import {
  CONTRACT_TYPES,
  EVIDENCE_LEVELS,
  PLACEMENT_SOURCES,
  SITUATION_KINDS,
} from '@oris/shared/domain';
import type {
  ContractType,
  EvidenceLevel,
  PlacementSource,
  SituationKind,
} from '@oris/shared/domain';

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  fullName!: string;
}

/** The facts of one version of a situation. */
export class SituationFieldsDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  enrollmentId!: string | null;

  @ApiProperty({ enum: SITUATION_KINDS })
  kind!: SituationKind;

  @ApiProperty({ description: 'Whether the kind counts as insertion in the indicator.' })
  inserting!: boolean;

  @ApiProperty({ enum: CONTRACT_TYPES, nullable: true })
  contract!: ContractType | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  organisationId!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'The registered partner’s name.' })
  organisationName!: string | null;

  @ApiProperty({ nullable: true, type: String })
  employerName!: string | null;

  @ApiProperty({ nullable: true, type: String })
  sector!: string | null;

  @ApiProperty({ nullable: true, type: String })
  position!: string | null;

  @ApiProperty({ example: 'MA-04' })
  regionCode!: string;

  @ApiProperty({ format: 'date' })
  startOn!: string;

  @ApiProperty({ format: 'date', nullable: true, type: String })
  endOn!: string | null;

  @ApiProperty({ enum: PLACEMENT_SOURCES })
  source!: PlacementSource;

  @ApiProperty({ enum: EVIDENCE_LEVELS })
  evidence!: EvidenceLevel;

  @ApiProperty({ nullable: true, type: String })
  note!: string | null;

  @ApiProperty({ description: 'Only validated situations count in the indicator.' })
  validated!: boolean;

  @ApiProperty({ type: PersonRefDto, nullable: true })
  validatedBy!: PersonRefDto | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  validatedAt!: string | null;
}

/** A placement as it stands now (its current version). */
export class PlacementDto extends SituationFieldsDto {
  @ApiProperty({ format: 'uuid', description: 'Stable across versions.' })
  id!: string;

  @ApiProperty({ type: PersonRefDto, description: 'The trained person.' })
  person!: PersonRefDto;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'The current version’s number.' })
  version!: number;

  @ApiProperty({ type: PersonRefDto, description: 'Who recorded the current version.' })
  recordedBy!: PersonRefDto;

  @ApiProperty({ format: 'date-time', description: 'When the current version was recorded.' })
  recordedAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When the placement was first recorded.' })
  createdAt!: string;
}

export class PlacementVersionDto extends SituationFieldsDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  version!: number;

  @ApiProperty({ type: PersonRefDto })
  recordedBy!: PersonRefDto;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'Null for the current version.',
  })
  supersededAt!: string | null;

  @ApiProperty({
    type: String,
    isArray: true,
    description:
      'The fields that differ from the previous version (`validated` when only the validation ' +
      'changed); empty for the first.',
  })
  changes!: string[];
}

export class PlacementDetailDto extends PlacementDto {
  @ApiProperty({
    type: PlacementVersionDto,
    isArray: true,
    description: 'Every version, newest first.',
  })
  versions!: PlacementVersionDto[];
}
