import { ApiProperty } from '@nestjs/swagger';
import { IndicatorDefinitionDto } from './insertion.dto';

const hidden = (description: string) => ({
  type: Number,
  nullable: true,
  description: `${description}; null when fewer than 5 persons, derived from such a count, or hidden so that no hidden count can be worked out from the published figures together.`,
});

export class PublicIndicatorCellDto {
  @ApiProperty({ description: '`total`, a region code or `unknown`, or a completion year.' })
  key!: string;
  @ApiProperty(hidden('Persons trained'))
  trained!: number | null;
  @ApiProperty(hidden('Eligible at T+9'))
  eligible!: number | null;
  @ApiProperty(hidden('Respondents'))
  responded!: number | null;
  @ApiProperty(hidden('Inserted'))
  inserted!: number | null;
  @ApiProperty(hidden('Employed on the reference date'))
  employed!: number | null;
  @ApiProperty(hidden('inserted ÷ responded'))
  insertionRate!: number | null;
  @ApiProperty(hidden('employed ÷ responded'))
  employmentRate!: number | null;
  @ApiProperty(hidden('responded ÷ eligible'))
  responseRate!: number | null;
  @ApiProperty(hidden('inserted ÷ eligible'))
  lowerBoundRate!: number | null;
  @ApiProperty({ description: 'True when some figure of this cell is hidden.' })
  suppressed!: boolean;
}

/** The figures of one release, as stored: already suppressed. */
export class PublicFiguresDto {
  @ApiProperty({ enum: [9] })
  months!: 9;
  @ApiProperty({
    format: 'date',
    description: 'The reference day of the figures: the last day of the released quarter.',
  })
  asOf!: string;
  @ApiProperty({ description: 'Figures under this number of persons are hidden.' })
  minimumCellSize!: number;
  @ApiProperty({ type: PublicIndicatorCellDto })
  total!: PublicIndicatorCellDto;
  @ApiProperty({ type: [PublicIndicatorCellDto] })
  byRegion!: PublicIndicatorCellDto[];
  @ApiProperty({ type: [PublicIndicatorCellDto] })
  byYear!: PublicIndicatorCellDto[];
  @ApiProperty({ type: IndicatorDefinitionDto })
  definition!: IndicatorDefinitionDto;
}

export class PublicIndicatorsDto extends PublicFiguresDto {
  @ApiProperty({ example: '2026-Q3', description: 'The calendar quarter released.' })
  quarter!: string;
  @ApiProperty({ format: 'date', description: 'The day (Morocco) the release was produced.' })
  releasedOn!: string;
  @ApiProperty({ format: 'date-time', description: 'When the release was produced.' })
  releasedAt!: string;
  @ApiProperty({
    format: 'date',
    description: 'When the next quarter’s release is due: the day after that quarter ends.',
  })
  nextReleaseOn!: string;
}
