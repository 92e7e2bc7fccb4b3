import { ApiProperty } from '@nestjs/swagger';
import { IMPACT_INDICATORS, type ImpactIndicator } from '@oris/shared/domain';
import { YearDefinitionDto } from './impact.dto';

export class PublicCompanionDto {
  @ApiProperty()
  key!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Null when unknown, or hidden (insertion: fewer than 5 persons, or derived from such a count).',
  })
  value!: number | null;
}

export class PublicImpactIndicatorDto {
  @ApiProperty({ enum: IMPACT_INDICATORS })
  indicator!: ImpactIndicator;
  @ApiProperty({ description: 'False when the indicator was not computed in this report.' })
  available!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'Null when not available or hidden.' })
  value!: number | null;
  @ApiProperty({ description: 'True when a person-level count of the cell is hidden.' })
  suppressed!: boolean;
  @ApiProperty({ type: [PublicCompanionDto] })
  companions!: PublicCompanionDto[];
  @ApiProperty({ type: YearDefinitionDto, nullable: true })
  definition!: YearDefinitionDto | null;
}

export class PublicImpactYearDto {
  @ApiProperty()
  year!: number;
  @ApiProperty({ description: 'The latest frozen version of the year.' })
  version!: number;
  @ApiProperty({ description: 'True when this version corrects an earlier one.' })
  restated!: boolean;
  @ApiProperty({ format: 'date-time' })
  frozenAt!: string;
  @ApiProperty({ format: 'date' })
  asOf!: string;
  @ApiProperty({ format: 'date-time' })
  knownAt!: string;
  @ApiProperty({ type: [PublicImpactIndicatorDto] })
  indicators!: PublicImpactIndicatorDto[];
}

export class OpenDataLicenceDto {
  @ApiProperty({ example: 'CC-BY-4.0' })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  url!: string;
}

export class DataDictionaryEntryDto {
  @ApiProperty()
  field!: string;
  @ApiProperty()
  description!: string;
}

export class PublicImpactDto {
  @ApiProperty()
  title!: string;
  @ApiProperty()
  publisher!: string;
  @ApiProperty({ type: OpenDataLicenceDto })
  licence!: OpenDataLicenceDto;
  @ApiProperty({ description: 'The page the figures are published on.' })
  source!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'The latest freeze.',
  })
  updatedAt!: string | null;
  @ApiProperty({ type: [DataDictionaryEntryDto] })
  dictionary!: DataDictionaryEntryDto[];
  @ApiProperty({ type: [PublicImpactYearDto], description: 'Frozen years, oldest first.' })
  years!: PublicImpactYearDto[];
}
