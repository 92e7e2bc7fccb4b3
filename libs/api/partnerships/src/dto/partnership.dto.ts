import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONTRIBUTION_KINDS,
  type ContributionKind,
  PARTNERSHIP_KINDS,
  PARTNERSHIP_STATUSES,
  type PartnershipKind,
  type PartnershipStatus,
  PARTY_ROLES,
  type PartyRole,
  RENEWAL_MODES,
  type RenewalMode,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from '@oris/shared/domain';

export class PartyDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  organisationId!: string;

  @ApiProperty()
  organisationName!: string;

  @ApiProperty({ enum: STAKEHOLDER_GROUPS })
  stakeholderGroup!: StakeholderGroup;

  @ApiProperty({ enum: PARTY_ROLES })
  role!: PartyRole;

  @ApiProperty()
  signatureRequired!: boolean;

  @ApiProperty({ format: 'date', nullable: true, type: 'string' })
  signedOn!: string | null;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: 'string',
    description: 'When the signature was recorded.',
  })
  signedRecordedAt!: string | null;

  @ApiProperty({ format: 'date-time', description: 'When the party was recorded.' })
  recordedAt!: string;
}

export class ContributionDto {
  @ApiProperty({ format: 'uuid' })
  organisationId!: string;

  @ApiProperty()
  organisationName!: string;

  @ApiProperty({ enum: CONTRIBUTION_KINDS })
  kind!: ContributionKind;

  @ApiProperty({ type: 'number', nullable: true, description: 'MAD' })
  amountMad!: number | null;

  @ApiProperty()
  description!: string;
}

export class SignedDocumentDto {
  @ApiProperty()
  name!: string;

  @ApiProperty({ description: 'SHA-256 of the file, hex.' })
  sha256!: string;

  @ApiProperty({ type: 'integer' })
  size!: number;
}

/** One agreement of a family, as the family tree shows it. */
export class FamilyMemberDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: PARTNERSHIP_KINDS })
  kind!: PartnershipKind;

  @ApiProperty({ format: 'date' })
  startsOn!: string;

  @ApiProperty({ format: 'date', nullable: true, type: 'string' })
  endsOn!: string | null;

  @ApiProperty({ enum: PARTNERSHIP_STATUSES, description: 'Its own status (computed).' })
  status!: PartnershipStatus;

  @ApiProperty({ format: 'date', nullable: true, type: 'string' })
  signedOn!: string | null;
}

/** A partnership in a list: its terms and its computed status on `asOf`. */
export class PartnershipSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: PARTNERSHIP_KINDS })
  kind!: PartnershipKind;

  @ApiProperty({ format: 'uuid', nullable: true, type: 'string' })
  parentId!: string | null;

  @ApiProperty({ format: 'date' })
  startsOn!: string;

  @ApiProperty({
    format: 'date',
    nullable: true,
    type: 'string',
    description: 'Empty: open-ended.',
  })
  endsOn!: string | null;

  @ApiProperty({ enum: RENEWAL_MODES })
  renewalMode!: RenewalMode;

  @ApiProperty({ type: 'integer' })
  noticeDays!: number;

  @ApiProperty({ type: 'integer', nullable: true })
  renewalMonths!: number | null;

  @ApiProperty({ format: 'date', nullable: true, type: 'string' })
  terminatedOn!: string | null;

  @ApiProperty({
    enum: PARTNERSHIP_STATUSES,
    description:
      'Computed on `asOf`, never stored: a family head’s is its family’s (renewals and amendments included).',
  })
  status!: PartnershipStatus;

  @ApiProperty({
    format: 'date',
    nullable: true,
    type: 'string',
    description: 'The last required signature (empty while one is missing).',
  })
  signedOn!: string | null;

  @ApiProperty({
    format: 'date',
    nullable: true,
    type: 'string',
    description: 'The current end after renewals (empty: open-ended).',
  })
  currentEnd!: string | null;

  @ApiProperty({
    format: 'date',
    nullable: true,
    type: 'string',
    description: 'From this day the renewal is due: current end − notice days.',
  })
  renewalDueFrom!: string | null;

  @ApiProperty({ type: 'integer' })
  partyCount!: number;

  @ApiProperty({ type: 'integer', description: 'Required signatures recorded.' })
  signatureCount!: number;

  @ApiProperty({ type: 'integer' })
  requiredSignatureCount!: number;

  @ApiProperty({ type: [String], description: 'The parties’ names.' })
  partyNames!: string[];

  @ApiProperty({ format: 'date', description: 'The day the status is computed for.' })
  asOf!: string;
}

export class PartnershipDto extends PartnershipSummaryDto {
  @ApiProperty({ format: 'uuid', description: 'The family head (itself for a head).' })
  familyHeadId!: string;

  @ApiProperty({
    type: [FamilyMemberDto],
    description: 'The family: its head first, then its members by start.',
  })
  family!: FamilyMemberDto[];

  @ApiProperty({ type: [PartyDto] })
  parties!: PartyDto[];

  @ApiProperty({ type: [ContributionDto] })
  contributions!: ContributionDto[];

  @ApiPropertyOptional({ type: SignedDocumentDto, nullable: true })
  document!: SignedDocumentDto | null;

  @ApiProperty({ nullable: true, type: 'string' })
  terminationReason!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
