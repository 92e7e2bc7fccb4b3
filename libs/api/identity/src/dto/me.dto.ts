import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  GENDERS,
  LOCALES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PHONE_INPUT_MAX_LENGTH,
  REGION_CODES,
} from '@oris/shared/domain';
import type { Gender, Locale } from '@oris/shared/domain';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsAcceptablePassword } from '../passwords/is-acceptable-password.decorator';
import { IsBirthYear, IsPhone, MIN_BIRTH_YEAR, NAME_MAX_LENGTH } from './validation';
import { HasNoControlCharacters, IsOmittable, Trim } from '@oris/api/platform';

/** Profile changes; fields left out are kept. Email and roles are not editable here. */
export class UpdateMeDto {
  @ApiPropertyOptional({ maxLength: NAME_MAX_LENGTH })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  @HasNoControlCharacters()
  fullName?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: NAME_MAX_LENGTH,
    description: 'null clears it.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  @HasNoControlCharacters()
  fullNameAr?: string | null;

  @ApiPropertyOptional({ enum: GENDERS })
  @IsOmittable()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: MIN_BIRTH_YEAR,
    description: 'From 1930 to the current year minus 15.',
  })
  @IsOmittable()
  @IsBirthYear()
  birthYear?: number;

  @ApiPropertyOptional({ enum: REGION_CODES })
  @IsOmittable()
  @IsIn(REGION_CODES)
  regionCode?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: PHONE_INPUT_MAX_LENGTH,
    example: '06 12 34 56 78',
    description: 'Moroccan (06, 07, 05…) or international with +; stored in E.164. null clears it.',
  })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOmittable()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class ChangePasswordDto {
  @ApiProperty({ format: 'password', maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty({
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @IsAcceptablePassword()
  newPassword!: string;
}

/** Erasing one's own account (law 09-08): the password, typed again, confirms it is the person. */
export class EraseMeDto {
  @ApiProperty({ format: 'password', maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;
}
