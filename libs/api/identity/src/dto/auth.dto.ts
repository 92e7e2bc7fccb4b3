import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  GENDERS,
  LOCALES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PERSONAL_DATA_NOTICE_VERSION,
  PHONE_INPUT_MAX_LENGTH,
  REGION_CODES,
} from '@oris/shared/domain';
import type { Gender, Locale } from '@oris/shared/domain';
import {
  Equals,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  MaxLength,
} from 'class-validator';
import { IsAcceptablePassword } from '../passwords/is-acceptable-password.decorator';
import {
  EMAIL_MAX_LENGTH,
  IsBirthYear,
  IsPhone,
  MIN_BIRTH_YEAR,
  NAME_MAX_LENGTH,
  NormaliseEmail,
} from './validation';
import { HasNoControlCharacters, Trim } from '@oris/api/platform';

export class RegisterDto {
  @ApiProperty({ format: 'email', maxLength: EMAIL_MAX_LENGTH, example: 'amine.tazi@example.ma' })
  @NormaliseEmail()
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  @ApiProperty({
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'Not a common password, not the email address.',
  })
  @IsAcceptablePassword()
  password!: string;

  @ApiProperty({
    maxLength: NAME_MAX_LENGTH,
    example: 'Amine Tazi',
    description: 'Name in Latin script.',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  @HasNoControlCharacters()
  fullName!: string;

  @ApiPropertyOptional({
    maxLength: NAME_MAX_LENGTH,
    example: 'أمين التازي',
    description: 'Name in Arabic script.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX_LENGTH)
  @HasNoControlCharacters()
  fullNameAr?: string;

  @ApiProperty({ enum: GENDERS })
  @IsIn(GENDERS)
  gender!: Gender;

  @ApiProperty({
    type: 'integer',
    minimum: MIN_BIRTH_YEAR,
    example: 1998,
    description: 'From 1930 to the current year minus 15.',
  })
  @IsBirthYear()
  birthYear!: number;

  @ApiProperty({ enum: REGION_CODES, example: 'MA-04' })
  @IsIn(REGION_CODES)
  regionCode!: string;

  @ApiPropertyOptional({
    maxLength: PHONE_INPUT_MAX_LENGTH,
    example: '06 12 34 56 78',
    description:
      'Optional, so a placement officer can call. Moroccan (06, 07, 05…) or international with +; stored in E.164.',
  })
  @IsOptional()
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'fr' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiProperty({
    type: Boolean,
    enum: [true],
    description: `Consent to the personal-data notice (law 09-08), version ${PERSONAL_DATA_NOTICE_VERSION}. Must be true.`,
  })
  @Equals(true, { message: 'consent must be true: the personal-data notice must be accepted' })
  consent!: true;
}

export class LoginDto {
  @ApiProperty({ format: 'email', maxLength: EMAIL_MAX_LENGTH })
  @NormaliseEmail()
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;

  @ApiProperty({ format: 'password', maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class ForgotPasswordDto {
  @ApiProperty({ format: 'email', maxLength: EMAIL_MAX_LENGTH })
  @NormaliseEmail()
  @IsEmail()
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: 43, maxLength: 43, description: 'The token from the emailed link.' })
  @IsString()
  @Length(43, 43)
  token!: string;

  @ApiProperty({
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
  })
  @IsAcceptablePassword()
  password!: string;
}

export class ConfirmEmailDto {
  @ApiProperty({ minLength: 43, maxLength: 43, description: 'The token from the emailed link.' })
  @IsString()
  @Length(43, 43)
  token!: string;
}
