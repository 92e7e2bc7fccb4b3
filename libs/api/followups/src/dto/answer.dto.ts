import { ApiPropertyOptional } from '@nestjs/swagger';
import { NoteText, TrimToNull } from '@oris/api/platform';
import { SituationFactsDto } from '@oris/api/placements';
import { PLACEMENT_TEXT_LIMITS } from '@oris/shared/domain';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/**
 * A short answer to a follow-up: the situation now (or the latest one). Checked like a placement
 * (`situationProblems`): a contract exactly for wage employment; employer, sector and position for
 * wage employment, enterprise creation, cooperative and internship; `endOn ≥ startOn`; no future
 * start. Seeking work and further studies are answers too.
 */
export class SurveyAnswerDto extends SituationFactsDto {}

/** An officer's record of an answer given by phone: the survey's answer, plus a note. */
export class PhoneAnswerDto extends SurveyAnswerDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A registered partner instead of `employerName` (not both).',
  })
  @IsOptional()
  @IsUUID('all')
  organisationId?: string | null;

  @ApiPropertyOptional({
    type: String,
    maxLength: PLACEMENT_TEXT_LIMITS.note,
    nullable: true,
    description: 'What was said, when, by whom: kept with the situation.',
  })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(PLACEMENT_TEXT_LIMITS.note)
  @NoteText()
  note?: string | null;
}
