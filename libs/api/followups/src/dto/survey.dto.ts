import { ApiProperty } from '@nestjs/swagger';
import { FOLLOWUP_HORIZONS, type FollowupHorizon } from '@oris/shared/domain';

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
}

export class SurveyReceiptDto {
  @ApiProperty({ description: 'Always true: the answer was recorded.' })
  recorded!: boolean;
}
