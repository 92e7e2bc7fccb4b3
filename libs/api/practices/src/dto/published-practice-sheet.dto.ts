import { ApiProperty } from '@nestjs/swagger';
import {
  LOCALES,
  PRACTICE_EVIDENCE_LEVELS,
  PRACTICE_POPULATIONS,
  PRACTICE_THEMES,
  REGION_CODES,
  type Locale,
  type PracticeEvidenceLevel,
  type PracticePopulation,
  type PracticeTexts,
  type PracticeTheme,
  type PublishedPracticeSheet,
  type RegionCode,
} from '@oris/shared/domain';
import { PracticeLinksOutDto, PracticeResultFigureOutDto } from './practice.dto';

const BY_LANGUAGE = { type: 'object', additionalProperties: { type: 'string' } } as const;

export class PublishedPracticeContactDto {
  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  role!: string | null;

  @ApiProperty({ type: String, nullable: true })
  organisation!: string | null;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;
}

/** `PublishedPracticeSheet` (libs/shared/domain), as the API documents it. */
export class PublishedPracticeSheetDto implements PublishedPracticeSheet {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'The published version’s number.' })
  version!: number;

  @ApiProperty()
  slug!: string;

  @ApiProperty({ enum: LOCALES })
  originalLanguage!: Locale;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'string' } },
  })
  texts!: Partial<Record<Locale, PracticeTexts>>;

  @ApiProperty({ enum: LOCALES, isArray: true })
  translatedLanguages!: Locale[];

  @ApiProperty({ enum: REGION_CODES, isArray: true })
  regions!: RegionCode[];

  @ApiProperty({ enum: PRACTICE_THEMES, isArray: true })
  themes!: PracticeTheme[];

  @ApiProperty({ enum: PRACTICE_POPULATIONS, isArray: true })
  populations!: PracticePopulation[];

  @ApiProperty({ type: Number, nullable: true })
  totalCostMad!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  costPerBeneficiaryMad!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  beneficiaries!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  startYear!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  endYear!: number | null;

  @ApiProperty({ type: [PracticeResultFigureOutDto] })
  resultFigures!: PracticeResultFigureOutDto[];

  @ApiProperty({ enum: PRACTICE_EVIDENCE_LEVELS })
  evidenceLevel!: PracticeEvidenceLevel;

  @ApiProperty(BY_LANGUAGE)
  evidenceJustification!: Partial<Record<Locale, string>>;

  @ApiProperty({ type: [PublishedPracticeContactDto] })
  contacts!: PublishedPracticeContactDto[];

  @ApiProperty({ type: PracticeLinksOutDto })
  links!: PracticeLinksOutDto;

  @ApiProperty({ format: 'date' })
  publishedOn!: string;

  @ApiProperty({ description: 'The public page’s absolute URL.' })
  url!: string;
}
