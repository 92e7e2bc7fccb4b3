import { ApiProperty } from '@nestjs/swagger';
import { IndicatorDefinitionDto } from './insertion.dto';

const hidden = (description: string) => ({
  type: Number,
  nullable: true,
  description: `${description}; null when fewer than 5 persons, derived from such a count, or hidden so that such a count cannot be recomputed from the total.`,
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

export class PublicIndicatorsDto {
  @ApiProperty({ enum: [9] })
  months!: 9;
  @ApiProperty({ format: 'date' })
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
  @ApiProperty({ format: 'date-time', description: 'When the figures were computed.' })
  refreshedAt!: string;
}
