import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { CERTIFICATE_REVOCATION_REASONS } from '@oris/shared/domain';
import type { CertificateRevocationReason } from '@oris/shared/domain';
import { MAX_CREDENTIAL_JWT_LENGTH } from '../credentials/credential-jwt';
import { CREDENTIAL_CHECKS, type CredentialCheck } from '../credentials/credential-verifier';

export const CERTIFICATE_STATUSES = ['valid', 'revoked'] as const;
export const RENDER_STATES = ['pending', 'rendered', 'failed'] as const;

export class CertificateDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ORIS-2026-000123' })
  serial!: string;

  @ApiProperty({ description: 'The public verification code (≥ 128 random bits, base64url).' })
  verificationCode!: string;

  @ApiProperty({ example: 'https://academy.oris.ma/verify/3q2-7wXk…' })
  verificationUrl!: string;

  @ApiProperty({ format: 'uuid' })
  enrollmentId!: string;

  @ApiProperty({ format: 'uuid', description: 'The holder.' })
  userId!: string;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty()
  holderName!: string;

  @ApiProperty({ type: String, nullable: true })
  holderNameAr!: string | null;

  @ApiProperty()
  courseTitle!: string;

  @ApiProperty({ type: 'integer' })
  hours!: number;

  @ApiProperty({ format: 'date' })
  sessionStartsOn!: string;

  @ApiProperty({ format: 'date' })
  sessionEndsOn!: string;

  @ApiProperty({ example: 'MA-04' })
  regionCode!: string;

  @ApiProperty({ format: 'date' })
  completedOn!: string;

  @ApiProperty({ format: 'date' })
  issuedOn!: string;

  @ApiProperty({ format: 'date-time' })
  issuedAt!: string;

  @ApiProperty({ enum: CERTIFICATE_STATUSES })
  status!: (typeof CERTIFICATE_STATUSES)[number];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;

  @ApiProperty({
    type: String,
    enum: CERTIFICATE_REVOCATION_REASONS,
    nullable: true,
    description: '`replaced` when a re-issue replaced it (see `replacedBySerial`).',
  })
  revokedReason!: CertificateRevocationReason | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'ORIS-2026-000124',
    description: 'The serial of the certificate re-issued in its place, when replaced.',
  })
  replacedBySerial!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The revoking administrator’s note: shown to administrators only (null for the holder), ' +
      'never published.',
  })
  revocationNote!: string | null;

  @ApiProperty({
    enum: RENDER_STATES,
    description: 'The PDF: `pending` until the worker has rendered and stored it.',
  })
  pdfState!: (typeof RENDER_STATES)[number];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Hex SHA-256 of the PDF, once rendered.',
  })
  sha256!: string | null;
}

/**
 * What anyone with the code learns: what a verifier needs to trust the certificate and no more.
 * No region, no session dates and no exact day: the month of completion would otherwise pin a
 * person to a cell of the public indicators (see docs/SECURITY.md, "Public verification").
 */
export class VerificationDto {
  @ApiProperty({ description: 'True when the certificate exists and is not revoked.' })
  valid!: boolean;

  @ApiProperty({ enum: CERTIFICATE_STATUSES })
  status!: (typeof CERTIFICATE_STATUSES)[number];

  @ApiProperty({ example: 'ORIS-2026-000123' })
  serial!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The holder’s name as printed; null when the holder had their data erased.',
  })
  holderName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  holderNameAr!: string | null;

  @ApiProperty({
    description:
      'True when the holder asked for their data to be erased (law 09-08): the certificate ' +
      'still proves the training, without the name.',
  })
  holderErased!: boolean;

  @ApiProperty()
  courseTitle!: string;

  @ApiProperty({ type: 'integer' })
  hours!: number;

  @ApiProperty({
    pattern: '^\\d{4}-\\d{2}$',
    example: '2026-03',
    description: 'Month and year of completion (YYYY-MM).',
  })
  completionMonth!: string;

  @ApiPropertyOptional({
    pattern: '^\\d{4}-\\d{2}$',
    example: '2026-04',
    description: 'Month and year of revocation (YYYY-MM, in Morocco), when revoked.',
  })
  revocationMonth?: string;

  @ApiPropertyOptional({
    enum: CERTIFICATE_REVOCATION_REASONS,
    description: 'Why it was revoked, when revoked: a code the page translates.',
  })
  reason?: CertificateRevocationReason;

  @ApiPropertyOptional({
    example: 'ORIS-2026-000124',
    description:
      'When the reason is `replaced`: the serial of the certificate re-issued in its place ' +
      '(printed on it; its code stays with its holder).',
  })
  replacedBy?: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Hex SHA-256 of the issued PDF; null while it is being rendered.',
  })
  sha256!: string | null;
}

export class FileMatchDto {
  @ApiProperty({ description: 'True when the file’s SHA-256 equals the issued PDF’s.' })
  matches!: boolean;
}

export class IssueBatchAcceptedDto {
  @ApiProperty({ format: 'uuid', description: 'Follow it at `GET /api/v1/jobs/{jobId}`.' })
  jobId!: string;
}

export const JOB_STATES = ['waiting', 'active', 'completed', 'failed'] as const;

export class JobDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    enum: JOB_STATES,
    description:
      '`waiting`: nothing finished yet; `active`: some finished; `completed`: every PDF ' +
      'rendered; `failed`: everything finished and some renders failed.',
  })
  state!: (typeof JOB_STATES)[number];

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, description: 'Percent finished.' })
  progress!: number;

  @ApiProperty({ type: 'integer' })
  total!: number;

  @ApiProperty({ type: 'integer', description: 'Certificates rendered and stored.' })
  done!: number;

  @ApiProperty({ type: 'integer', description: 'Certificates whose render gave up.' })
  failed!: number;
}

/** `POST /verify/credential` with a VC-JWT in a JSON body. */
export class VerifyCredentialJwtDto {
  @ApiProperty({
    maxLength: MAX_CREDENTIAL_JWT_LENGTH,
    example:
      'eyJhbGciOiJFZERTQSIsInR5cCI6InZjK2p3dCIsImN0eSI6InZjIiwia2lkIjoiZGlkOndlYjouLi4ifQ.eyJAY29udGV4dCI6Wy4uLl19.c2lnbmF0dXJl',
    description:
      'The credential as a VC-JWT (compact JWS, `alg` EdDSA), e.g. the `.credential.jwt` file ' +
      'attached to the PDF.',
  })
  jwt!: string;
}

export class CredentialVerificationDto {
  @ApiProperty({
    enum: CREDENTIAL_CHECKS,
    description:
      '`valid`: signed by ORIS, unchanged, not revoked; `revoked`: so says ORIS’s status list; ' +
      '`expired`: past its `validUntil` (or the JWT’s `exp`); ' +
      '`tampered`: the proof does not hold (a statement was changed, added or removed); ' +
      '`unknown_issuer`: not issued by ORIS, or signed by a key ORIS never published.',
  })
  result!: CredentialCheck;

  @ApiProperty({ type: String, nullable: true, description: 'Why it is not valid, in words.' })
  reason!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The credential’s `id` as it states it.',
  })
  credentialId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The credential’s `name`.' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The credential’s `validFrom`.' })
  validFrom!: string | null;
}

export class VerifyBySerialDto {
  @ApiProperty({
    maxLength: 40,
    example: 'ORIS-2026-000123',
    description:
      'The serial as printed; case, spaces or dashes and Arabic-Indic digits do not matter.',
  })
  @IsString()
  @MaxLength(40)
  serial!: string;

  @ApiProperty({
    maxLength: 200,
    example: 'Amina Benali',
    description:
      'The holder’s full name as printed on the certificate, in Latin or Arabic letters (case, ' +
      'accents and the order of the words do not matter). Serials are sequential: the name is ' +
      'what keeps them from listing every holder.',
  })
  @IsString()
  @MaxLength(200)
  holderName!: string;
}
