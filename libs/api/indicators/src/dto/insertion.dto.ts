import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FOLLOWUP_HORIZONS, type FollowupHorizon } from '@oris/shared/domain';
import { GROUP_BYS, type GroupBy } from '../engine/insertion-query';

export class InsertionCountsDto {
  @ApiProperty({ description: 'Distinct persons trained in the period.' })
  trained!: number;
  @ApiProperty({ description: 'Trained persons whose reference date is on or before `asOf`.' })
  eligible!: number;
  @ApiProperty()
  inserted!: number;
  @ApiProperty()
  employed!: number;
  @ApiProperty()
  responded!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'inserted ÷ responded' })
  insertionRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'employed ÷ responded' })
  employmentRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'responded ÷ eligible' })
  responseRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'inserted ÷ eligible' })
  lowerBoundRate!: number | null;
}

export class InsertionGroupDto extends InsertionCountsDto {
  @ApiProperty({
    description:
      'The group: a region code, `female`/`male`, an age band, an education level, a course or ' +
      'session id, a completion year, a situation kind, `other` or `unknown`.',
  })
  key!: string;

  @ApiPropertyOptional({ description: 'Course code and title, or session title.' })
  label?: string;
}

export class IndicatorDefinitionDto {
  @ApiProperty()
  fr!: string;
  @ApiProperty()
  en!: string;
  @ApiProperty()
  ar!: string;
}

export class IndicatorFreshnessDto {
  @ApiProperty({
    enum: ['rollup', 'live'],
    description:
      '`rollup`: the precomputed table (today, everything recorded); `live`: the raw tables (a past `asOf`, a ' +
      '`knownAt`, or no rollup built yet).',
  })
  source!: 'rollup' | 'live';

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the rollup was last rebuilt (null when computed live).',
  })
  refreshedAt!: string | null;

  @ApiProperty({ format: 'date-time', description: 'When this answer was computed.' })
  computedAt!: string;
}

export class InsertionFiltersDto {
  @ApiProperty({ format: 'date', nullable: true, type: String })
  from!: string | null;
  @ApiProperty({ format: 'date' })
  to!: string;
  @ApiProperty({ enum: FOLLOWUP_HORIZONS })
  months!: FollowupHorizon;
  @ApiProperty({
    format: 'date',
    description: 'The reference day, applied to the facts’ own dates.',
  })
  asOf!: string;
  @ApiProperty({
    format: 'date-time',
    description:
      'The instant of knowledge the figures reflect: the one asked for, else the rollup’s rebuild, else the ' +
      'moment of computation. Asking again with this `asOf` and `knownAt` gives the same figures.',
  })
  knownAt!: string;
  @ApiProperty({ type: String, nullable: true })
  region!: string | null;
  @ApiProperty({ type: String, nullable: true })
  course!: string | null;
  @ApiProperty({ type: String, nullable: true })
  session!: string | null;
  @ApiProperty({ enum: GROUP_BYS, nullable: true })
  groupBy!: GroupBy | null;
}

export const INSERTION_NOTE_CODES = [
  'recorded_after_known_at',
  'no_completion_in_period',
  'none_eligible_yet',
] as const;
export type InsertionNoteCode = (typeof INSERTION_NOTE_CODES)[number];

/** Why figures are empty: zeros are never left unexplained. */
export class InsertionNoteDto {
  @ApiProperty({
    enum: INSERTION_NOTE_CODES,
    description:
      '`recorded_after_known_at`: no completion of the period had been recorded by `knownAt`, `persons` ' +
      'were recorded since; `no_completion_in_period`: no qualifying completion in the period at all; ' +
      '`none_eligible_yet`: nobody trained in the period has reached the reference date by `asOf`.',
  })
  code!: InsertionNoteCode;

  @ApiProperty({ description: 'The same in English words.' })
  message!: string;

  @ApiPropertyOptional({ description: 'Persons trained in the period recorded after `knownAt`.' })
  persons?: number;
}

export class InsertionIndicatorDto extends InsertionCountsDto {
  @ApiProperty({
    type: InsertionFiltersDto,
    description: 'The query as applied (defaults filled).',
  })
  filters!: InsertionFiltersDto;

  @ApiProperty({ type: IndicatorDefinitionDto, description: 'The definition, in fr, en and ar.' })
  definition!: IndicatorDefinitionDto;

  @ApiProperty({
    type: [InsertionNoteDto],
    description: 'Why the figures are empty, when they are (otherwise empty).',
  })
  notes!: InsertionNoteDto[];

  @ApiProperty({ type: [InsertionGroupDto], description: 'Empty without `groupBy`.' })
  breakdown!: InsertionGroupDto[];

  @ApiProperty({ type: IndicatorFreshnessDto })
  freshness!: IndicatorFreshnessDto;
}
