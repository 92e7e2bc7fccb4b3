import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOnly } from '@oris/api/catalogue';
import { ValidateIf } from 'class-validator';

export class CompleteEnrollmentDto {
  @ApiPropertyOptional({
    format: 'date',
    example: '2025-06-30',
    description:
      'Day of completion; defaults to today (Morocco). Administrators may give a past day ' +
      '(past cohorts), not before the session’s start; never a future day.',
  })
  @ValidateIf((_object, value) => value !== undefined)
  @IsDateOnly()
  completedOn?: string;
}
