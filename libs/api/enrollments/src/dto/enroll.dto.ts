import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BASELINE_SITUATIONS, EDUCATION_LEVELS } from '@oris/shared/domain';
import type { BaselineSituation, EducationLevel } from '@oris/shared/domain';
import { IsIn, IsUUID, ValidateIf } from 'class-validator';

export class EnrollDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Enroll this person on their behalf (trainers of the session within its window; ' +
      'administrators in any session but a cancelled one, past cohorts included). Left out: the caller.',
  })
  @ValidateIf((_object, value) => value !== undefined)
  @IsUUID('all')
  userId?: string;

  @ApiProperty({
    enum: BASELINE_SITUATIONS,
    description:
      'The person’s situation at enrollment: the insertion indicator compares against it.',
  })
  @IsIn(BASELINE_SITUATIONS)
  baselineSituation!: BaselineSituation;

  @ApiProperty({ enum: EDUCATION_LEVELS })
  @IsIn(EDUCATION_LEVELS)
  educationLevel!: EducationLevel;
}
