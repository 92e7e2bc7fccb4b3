import { ApiProperty } from '@nestjs/swagger';
import {
  FOLLOWUP_HORIZONS,
  type FollowupHorizon,
  LOCALES,
  type Locale,
  REGION_CODES,
  type RegionCode,
} from '@oris/shared/domain';

/** What the survey page shows: who is asked about which training, and when the link expires. */
export class SurveyDto {
  @ApiProperty({ example: 'Amina' })
  firstName!: string;

  @ApiProperty({ example: 'Entrepreneuriat social' })
  courseTitle!: string;

  @ApiProperty({ enum: FOLLOWUP_HORIZONS, description: 'Months after completion.' })
  horizon!: FollowupHorizon;

  @ApiProperty({ format: 'date' })
  completedOn!: string;

  @ApiProperty({ format: 'date-time', description: 'The link stops working then.' })
  expiresAt!: string;

  @ApiProperty({
    enum: LOCALES,
    description: 'The language of the person asked (their account’s): the page opens in it.',
  })
  locale!: Locale;

  @ApiProperty({
    enum: REGION_CODES,
    description:
      'The region of the training session: the answer’s region until the person changes it.',
  })
  trainingRegionCode!: RegionCode;
}

export class SurveyReceiptDto {
  @ApiProperty({ description: 'Always true: the answer was recorded.' })
  recorded!: boolean;
}
