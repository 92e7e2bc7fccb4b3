import { ApiProperty } from '@nestjs/swagger';
import {
  BASELINE_SITUATIONS,
  COMPLETION_CRITERIA,
  EDUCATION_LEVELS,
  ENROLLMENT_STATUSES,
  REGION_CODES,
  SESSION_STATUSES,
  WITHDRAWAL_REASONS,
} from '@oris/shared/domain';
import type {
  BaselineSituation,
  CompletionCriterion,
  EducationLevel,
  EnrollmentStatus,
  SessionStatus,
  WithdrawalReason,
} from '@oris/shared/domain';

export class PersonDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Fatima Zahra Alaoui' })
  fullName!: string;

  @ApiProperty({ type: String, nullable: true, example: 'فاطمة الزهراء العلوي' })
  fullNameAr!: string | null;
}

export class CompletionAttestationDto {
  @ApiProperty({ type: PersonDto, description: 'The administrator who attested the completion.' })
  by!: PersonDto;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

export class EnrollmentCourseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ES-101' })
  code!: string;

  @ApiProperty()
  title!: string;
}

export class EnrollmentSessionDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Cohorte printemps — Fès' })
  title!: string;

  @ApiProperty({ format: 'date' })
  startsOn!: string;

  @ApiProperty({ format: 'date' })
  endsOn!: string;

  @ApiProperty({ enum: SESSION_STATUSES })
  status!: SessionStatus;

  @ApiProperty({ enum: REGION_CODES })
  regionCode!: string;

  @ApiProperty({ type: EnrollmentCourseDto })
  course!: EnrollmentCourseDto;
}

export class ProgressDto {
  @ApiProperty({ type: 'integer', description: 'Required published modules marked done.' })
  requiredDone!: number;

  @ApiProperty({ type: 'integer', description: 'Required published modules of the course.' })
  requiredTotal!: number;

  @ApiProperty({ type: 'integer' })
  publishedDone!: number;

  @ApiProperty({ type: 'integer' })
  publishedTotal!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100,
    description:
      'Of the required published modules (of every published module when none is required), rounded down.',
  })
  percent!: number;
}

export class EnrollmentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ENROLLMENT_STATUSES })
  status!: EnrollmentStatus;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    description: 'Place in the queue while waitlisted (1 is served next); null otherwise.',
  })
  waitlistPosition!: number | null;

  @ApiProperty({ type: PersonDto, description: 'The enrolled person.' })
  person!: PersonDto;

  @ApiProperty({ type: EnrollmentSessionDto })
  session!: EnrollmentSessionDto;

  @ApiProperty({
    enum: BASELINE_SITUATIONS,
    nullable: true,
    description:
      'The situation at enrollment. Null for a trainer unless the course shows the baseline to ' +
      'trainers (`baselineVisibleToTrainers`); the person, administrators and placement ' +
      'officers always see it.',
  })
  baselineSituation!: BaselineSituation | null;

  @ApiProperty({
    enum: EDUCATION_LEVELS,
    nullable: true,
    description: 'The education level at enrollment; hidden from trainers as `baselineSituation`.',
  })
  educationLevel!: EducationLevel | null;

  @ApiProperty({
    type: String,
    nullable: true,
    enum: REGION_CODES,
    description: 'The person’s region when they enrolled.',
  })
  regionCode!: string | null;

  @ApiProperty({
    description: 'Enrolled by a trainer or an administrator rather than by themself.',
  })
  onBehalf!: boolean;

  @ApiProperty({ format: 'date-time' })
  enrolledAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  confirmedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  withdrawnAt!: string | null;

  @ApiProperty({ type: String, enum: WITHDRAWAL_REASONS, nullable: true })
  withdrawalReason!: WithdrawalReason | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Day of completion.' })
  completedOn!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Who recorded the outcome (completed or not completed).',
  })
  validatedBy!: string | null;

  @ApiProperty({
    type: CompletionAttestationDto,
    nullable: true,
    description:
      'Set when an administrator recorded the completion of a session that had ended although ' +
      'the platform’s records do not meet the course’s rule (a past cohort): the completion ' +
      'rests on their attestation. Null for a completion the records show.',
  })
  completionAttestation!: CompletionAttestationDto | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Why the completion was validated before the session’s last meeting had started; null ' +
      'otherwise.',
  })
  earlyCompletionReason!: string | null;

  @ApiProperty({ type: ProgressDto })
  progress!: ProgressDto;
}

export class CriterionOutcomeDto {
  @ApiProperty({ enum: COMPLETION_CRITERIA })
  criterion!: CompletionCriterion;

  @ApiProperty()
  met!: boolean;

  @ApiProperty({ example: 'attended 3 of 5 meetings held (60%); 80% required' })
  detail!: string;
}

export class CompletionCheckDto {
  @ApiProperty({ description: 'Whether validating completion now would be accepted.' })
  met!: boolean;

  @ApiProperty({
    type: CriterionOutcomeDto,
    isArray: true,
    description: 'The criteria the course’s rule asks for.',
  })
  criteria!: CriterionOutcomeDto[];

  @ApiProperty({ type: 'integer', description: 'Meetings of the session that have started.' })
  meetingsHeld!: number;

  @ApiProperty({ type: 'integer' })
  meetingsAttended!: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the session’s last meeting starts; null for a session without meetings.',
  })
  lastMeetingStartsAt!: string | null;

  @ApiProperty({
    description:
      'The last meeting has not started yet: validating completion now needs an ' +
      '`earlyCompletionReason`.',
  })
  early!: boolean;
}

export class EnrollmentDetailDto extends EnrollmentDto {
  @ApiProperty({
    type: CompletionCheckDto,
    description: 'The course’s completion rule, checked now.',
  })
  completionCheck!: CompletionCheckDto;
}
