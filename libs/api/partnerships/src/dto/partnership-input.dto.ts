import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOnly } from '@oris/api/catalogue';
import { HasNoControlCharacters, IsOmittable, Trim } from '@oris/api/platform';
import {
  CONTRIBUTION_KINDS,
  type ContributionKind,
  PARTNERSHIP_KINDS,
  type PartnershipKind,
  PARTY_ROLES,
  type PartyRole,
  RENEWAL_MODES,
  type RenewalMode,
} from '@oris/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export const PARTNERSHIP_TITLE_MAX_LENGTH = 300;
export const MAX_PARTIES = 30;
export const MAX_CONTRIBUTIONS = 50;

/** Null is a value here (open-ended, no parent): only `undefined` skips the checks. */
const NullOr = () => ValidateIf((_object, value) => value !== null && value !== undefined);

export class PartyInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  organisationId!: string;

  @ApiProperty({ enum: PARTY_ROLES })
  @IsIn(PARTY_ROLES)
  role!: PartyRole;

  @ApiProperty({ description: 'Whether the agreement is in force only once this party signed.' })
  @IsBoolean()
  signatureRequired!: boolean;
}

export class ContributionInputDto {
  @ApiProperty({ format: 'uuid', description: 'The party (organisation) that brings it.' })
  @IsUUID('all')
  organisationId!: string;

  @ApiProperty({ enum: CONTRIBUTION_KINDS })
  @IsIn(CONTRIBUTION_KINDS)
  kind!: ContributionKind;

  @ApiPropertyOptional({
    type: 'number',
    nullable: true,
    minimum: 0,
    description: 'Amount in MAD (financial contributions; a valuation otherwise, optional).',
  })
  @NullOr()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(999_999_999_999)
  amountMad?: number | null;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  description?: string;
}

class PartnershipTermsDto {
  @ApiProperty({ maxLength: PARTNERSHIP_TITLE_MAX_LENGTH })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PARTNERSHIP_TITLE_MAX_LENGTH)
  @HasNoControlCharacters()
  title!: string;

  @ApiProperty({ enum: PARTNERSHIP_KINDS })
  @IsIn(PARTNERSHIP_KINDS)
  kind!: PartnershipKind;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'The family head (framework agreement, convention or MoU) of an amendment, renewal or implementing convention; none for the others.',
  })
  @NullOr()
  @IsUUID('all')
  parentId?: string | null;

  @ApiProperty({ format: 'date' })
  @IsDateOnly()
  startsOn!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Empty: open-ended.',
  })
  @NullOr()
  @IsDateOnly()
  endsOn?: string | null;

  @ApiProperty({ enum: RENEWAL_MODES })
  @IsIn(RENEWAL_MODES)
  renewalMode!: RenewalMode;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 3650,
    description: 'Notice period in days.',
  })
  @IsInt()
  @Min(0)
  @Max(3650)
  noticeDays!: number;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 120,
    description: 'What a tacit renewal adds, in months (tacit renewal only).',
  })
  @NullOr()
  @IsInt()
  @Min(1)
  @Max(120)
  renewalMonths?: number | null;

  @ApiProperty({ type: [PartyInputDto], minItems: 1, maxItems: MAX_PARTIES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PARTIES)
  @ValidateNested({ each: true })
  @Type(() => PartyInputDto)
  parties!: PartyInputDto[];

  @ApiPropertyOptional({ type: [ContributionInputDto], maxItems: MAX_CONTRIBUTIONS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CONTRIBUTIONS)
  @ValidateNested({ each: true })
  @Type(() => ContributionInputDto)
  contributions?: ContributionInputDto[];
}

export class CreatePartnershipDto extends PartnershipTermsDto {}

/**
 * A change: only the fields sent change. `parties` replaces the list (a party that signed stays:
 * removing it is refused); `contributions` replaces the list.
 */
export class UpdatePartnershipDto {
  @ApiPropertyOptional({ maxLength: PARTNERSHIP_TITLE_MAX_LENGTH })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PARTNERSHIP_TITLE_MAX_LENGTH)
  @HasNoControlCharacters()
  title?: string;

  @ApiPropertyOptional({ enum: PARTNERSHIP_KINDS })
  @IsOmittable()
  @IsIn(PARTNERSHIP_KINDS)
  kind?: PartnershipKind;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @NullOr()
  @IsUUID('all')
  parentId?: string | null;

  @ApiPropertyOptional({ format: 'date' })
  @IsOmittable()
  @IsDateOnly()
  startsOn?: string;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @NullOr()
  @IsDateOnly()
  endsOn?: string | null;

  @ApiPropertyOptional({ enum: RENEWAL_MODES })
  @IsOmittable()
  @IsIn(RENEWAL_MODES)
  renewalMode?: RenewalMode;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 3650 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(3650)
  noticeDays?: number;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: 120 })
  @NullOr()
  @IsInt()
  @Min(1)
  @Max(120)
  renewalMonths?: number | null;

  @ApiPropertyOptional({ type: [PartyInputDto], minItems: 1, maxItems: MAX_PARTIES })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PARTIES)
  @ValidateNested({ each: true })
  @Type(() => PartyInputDto)
  parties?: PartyInputDto[];

  @ApiPropertyOptional({ type: [ContributionInputDto], maxItems: MAX_CONTRIBUTIONS })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_CONTRIBUTIONS)
  @ValidateNested({ each: true })
  @Type(() => ContributionInputDto)
  contributions?: ContributionInputDto[];
}

export class SignatureDto {
  @ApiProperty({ format: 'uuid', description: 'The party (its id in `parties`).' })
  @IsUUID('all')
  partyId!: string;

  @ApiProperty({ format: 'date', description: 'The day it signed; not in the future.' })
  @IsDateOnly()
  signedOn!: string;

  @ApiPropertyOptional({
    description:
      'Correct the date of a signature already recorded (the earlier date stays readable as known before the correction); without it, signing twice is 409.',
  })
  @IsOptional()
  @IsBoolean()
  correction?: boolean;
}

export class TerminationDto {
  @ApiProperty({ format: 'date', description: 'The day the partnership ends early.' })
  @IsDateOnly()
  terminatedOn!: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
