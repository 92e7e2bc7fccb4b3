import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GROUP_BYS, type GroupBy } from '../engine/insertion-query';
import { HORIZONS, type Horizon } from '../engine/insertion-sql';

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
    description: '`rollup`: the precomputed table; `live`: the raw tables at the end of `asOf`.',
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
  @ApiProperty({ enum: HORIZONS })
  months!: Horizon;
  @ApiProperty({ format: 'date' })
  asOf!: string;
  @ApiProperty({ type: String, nullable: true })
  region!: string | null;
  @ApiProperty({ type: String, nullable: true })
  course!: string | null;
  @ApiProperty({ type: String, nullable: true })
  session!: string | null;
  @ApiProperty({ enum: GROUP_BYS, nullable: true })
  groupBy!: GroupBy | null;
}

export class InsertionIndicatorDto extends InsertionCountsDto {
  @ApiProperty({
    type: InsertionFiltersDto,
    description: 'The query as applied (defaults filled).',
  })
  filters!: InsertionFiltersDto;

  @ApiProperty({ type: IndicatorDefinitionDto, description: 'The definition, in fr, en and ar.' })
  definition!: IndicatorDefinitionDto;

  @ApiProperty({ type: [InsertionGroupDto], description: 'Empty without `groupBy`.' })
  breakdown!: InsertionGroupDto[];

  @ApiProperty({ type: IndicatorFreshnessDto })
  freshness!: IndicatorFreshnessDto;
}
