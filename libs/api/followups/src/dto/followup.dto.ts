import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { PageQuery } from '@oris/api/platform';
import {
  FOLLOWUP_HORIZONS,
  type FollowupHorizon,
  REGION_CODES,
  type RegionCode,
} from '@oris/shared/domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID } from 'class-validator';
import {
  ANSWER_CHANNELS,
  FOLLOWUP_QUEUE_FILTERS,
  FOLLOWUP_STATUSES,
  type AnswerChannel,
  type FollowupQueueFilter,
  type FollowupStatus,
} from '../rules/followup-policy';

export class FollowupPersonDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  fullName!: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  fullNameAr!: string | null;

  @ApiProperty({ description: 'Contact address (the survey is emailed there).' })
  email!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '+212612345678',
    description: 'E.164, for a call; null when the person gave none.',
  })
  phone!: string | null;

  @ApiProperty({ enum: ['fr', 'ar', 'en'] })
  locale!: string;

  @ApiProperty({
    description:
      'The person withdrew consent to post-training follow-up: do not call or email them. ' +
      'Their follow-ups are skipped while it lasts.',
  })
  followupWithdrawn!: boolean;
}

export class FollowupDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  enrollmentId!: string;

  @ApiProperty({ enum: FOLLOWUP_HORIZONS, description: 'Months after completion.' })
  horizon!: FollowupHorizon;

  @ApiProperty({ format: 'date' })
  completedOn!: string;

  @ApiProperty({ format: 'date' })
  dueOn!: string;

  @ApiProperty({
    enum: FOLLOWUP_STATUSES,
    description:
      '`scheduled` (not due yet), `due` (emailed, or left for a call), `skipped` (found due too ' +
      'late to email: past cohorts), `answered`.',
  })
  status!: FollowupStatus;

  @ApiProperty({ description: 'Due, unanswered and past its due date by more than 30 days.' })
  overdue!: boolean;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  emailedAt!: string | null;

  @ApiProperty({ type: 'integer' })
  reminderCount!: number;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  lastRemindedAt!: string | null;

  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  answeredAt!: string | null;

  @ApiPropertyOptional({ enum: ANSWER_CHANNELS, nullable: true })
  answerChannel!: AnswerChannel | null;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description:
      'The situation the answer created (awaiting validation until an officer validates it).',
  })
  placementId!: string | null;

  @ApiProperty({ type: FollowupPersonDto })
  person!: FollowupPersonDto;

  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty()
  courseTitle!: string;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty()
  sessionTitle!: string;

  @ApiPropertyOptional({ enum: REGION_CODES, nullable: true, description: 'Region at enrollment.' })
  regionCode!: RegionCode | null;
}

/** Filters of the queue and of its counts. */
export class FollowupFilterQuery {
  @ApiPropertyOptional({ enum: FOLLOWUP_HORIZONS, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @IsIn(FOLLOWUP_HORIZONS)
  horizon?: FollowupHorizon;

  @ApiPropertyOptional({ enum: REGION_CODES, description: 'Region at enrollment.' })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: RegionCode;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  course?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  session?: string;
}

export class FollowupListQuery extends IntersectionType(PageQuery, FollowupFilterQuery) {
  @ApiPropertyOptional({
    enum: FOLLOWUP_QUEUE_FILTERS,
    description: '`overdue`: due and unanswered more than 30 days after the due date.',
  })
  @IsOptional()
  @IsIn(FOLLOWUP_QUEUE_FILTERS)
  status?: FollowupQueueFilter;
}

/** The queue's badges. `overdue` is a part of `due`. */
export class FollowupCountsDto {
  @ApiProperty({ type: 'integer' })
  scheduled!: number;

  @ApiProperty({ type: 'integer' })
  due!: number;

  @ApiProperty({ type: 'integer' })
  overdue!: number;

  @ApiProperty({ type: 'integer' })
  skipped!: number;

  @ApiProperty({ type: 'integer' })
  answered!: number;
}
