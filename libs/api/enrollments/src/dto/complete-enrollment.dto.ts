import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOnly } from '@oris/api/catalogue';
import { NoteText, TrimToNull } from '@oris/api/platform';
import { EARLY_COMPLETION_REASON_MAX_LENGTH } from '@oris/shared/domain';
import { IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

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

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: EARLY_COMPLETION_REASON_MAX_LENGTH,
    example: 'Départ à l’étranger avant la dernière séance ; évaluation finale passée le 12.',
    description:
      'Required to validate a completion before the session’s last meeting has started (409 ' +
      '`completion_before_last_meeting` without it); kept on the enrollment and audited. ' +
      'Ignored once the last meeting has started.',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(EARLY_COMPLETION_REASON_MAX_LENGTH)
  @NoteText()
  earlyCompletionReason?: string | null;
}
