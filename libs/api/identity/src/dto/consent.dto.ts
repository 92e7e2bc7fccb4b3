import { ApiProperty } from '@nestjs/swagger';
import { CONSENT_METHODS, CONSENT_PROMPT_REASONS } from '@oris/shared/domain';
import type { ConsentMethod, ConsentPromptReason } from '@oris/shared/domain';
import { IsBoolean } from 'class-validator';
import { UserDto } from './user.dto';

/** Where a person stands with consent, for the client to decide whether to ask. */
export class ConsentStatusDto {
  @ApiProperty({
    description:
      'True when the person must answer the consent prompt before using the app (a trainee ' +
      'whose consent is missing, was given to an older notice, or was recorded by staff and ' +
      'not yet confirmed). Routes that collect new data answer 403 `consent_required` meanwhile.',
  })
  required!: boolean;

  @ApiProperty({ enum: CONSENT_PROMPT_REASONS, nullable: true })
  reason!: ConsentPromptReason | null;

  @ApiProperty({ example: '2026-11-01', description: 'The notice version the app shows now.' })
  currentNoticeVersion!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-11-01',
    description: 'The notice version of the person’s latest consent; null if none.',
  })
  noticeVersion!: string | null;

  @ApiProperty({
    description:
      'Whether the person currently agrees to post-training follow-up (surveys at 6, 9 and 12 ' +
      'months, calls). False after a withdrawal: no follow-up is scheduled or emailed.',
  })
  followupTracking!: boolean;
}

/** One record of the append-only consent history. */
export class ConsentRecordDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  purpose!: string;

  @ApiProperty({ example: '2026-11-01' })
  noticeVersion!: string;

  @ApiProperty({ enum: CONSENT_METHODS, description: 'How the record was collected.' })
  method!: ConsentMethod;

  @ApiProperty({ description: 'Whether this record agrees to post-training follow-up.' })
  followupTracking!: boolean;

  @ApiProperty({ format: 'date-time' })
  givenAt!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['admin', 'placement_officer', 'trainer', 'staff'],
    example: 'admin',
    description:
      'For `staff_recorded`: who collected it, by role (as in the export; staff names are ' +
      'their own personal data, and the record keeps who for the audit).',
  })
  recordedBy!: string | null;
}

export class ConsentOverviewDto {
  @ApiProperty({ type: ConsentStatusDto })
  status!: ConsentStatusDto;

  @ApiProperty({ type: ConsentRecordDto, isArray: true, description: 'Latest first.' })
  history!: ConsentRecordDto[];
}

/**
 * The person's answer, from the sign-in prompt or the profile: consent to the current notice,
 * with or without post-training follow-up. `false` withdraws consent to follow-up.
 */
export class RecordConsentDto {
  @ApiProperty({
    description:
      'true: agree to follow-up (or give it again); false: refuse or withdraw it. Training, ' +
      'certificates and the records the law lets the platform keep are unaffected.',
  })
  @IsBoolean()
  followupTracking!: boolean;
}

/** The signed-in person, with where they stand with consent (`GET /me`, sign-in answers). */
export class MeDto extends UserDto {
  @ApiProperty({ type: ConsentStatusDto })
  consent!: ConsentStatusDto;
}

/** What signing in answers; the refresh token travels separately, in the oris_refresh cookie. */
export class AuthSessionDto {
  @ApiProperty({
    description: 'Bearer token for the Authorization header. Keep it in memory only.',
  })
  accessToken!: string;

  @ApiProperty({
    type: 'integer',
    example: 900,
    description: 'Lifetime of the access token, in seconds.',
  })
  expiresIn!: number;

  @ApiProperty({ type: MeDto })
  user!: MeDto;
}
