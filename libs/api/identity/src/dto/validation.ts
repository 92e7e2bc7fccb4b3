import { normalisePhone, PHONE_INPUT_MAX_LENGTH } from '@oris/shared/domain';
import { Transform } from 'class-transformer';
import { Matches, registerDecorator, ValidateIf, ValidationArguments } from 'class-validator';

export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 120;
export const MIN_BIRTH_YEAR = 1930;
export const MIN_AGE = 15;

/** Emails are compared and stored trimmed and lower-case. */
export const NormaliseEmail = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

export const Trim = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Names end up in emails and PDFs: no control characters (line breaks could inject headers). */
export const HasNoControlCharacters = () =>
  Matches(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u, {
    message: '$property must not contain control characters',
  });

/**
 * For PATCH fields that may be left out but not cleared: `undefined` skips validation, `null`
 * is validated (and refused), unlike `@IsOptional()` which lets null through.
 */
export const IsOmittable = () => ValidateIf((_object, value) => value !== undefined);

/** A plausible birth year for a trainee: from 1930 to 15 years before the current year. */
export function IsBirthYear(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isBirthYear',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) =>
          Number.isInteger(value) &&
          (value as number) >= MIN_BIRTH_YEAR &&
          (value as number) <= maxBirthYear(),
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be a whole year between ${MIN_BIRTH_YEAR} and ${maxBirthYear()}`,
      },
    });
}

const maxBirthYear = () => new Date().getUTCFullYear() - MIN_AGE;

/**
 * A phone number as typed (Moroccan national form or international with +), stored in E.164.
 * The transform normalises what it can read and leaves the rest as typed, for the check to name.
 */
export function IsPhone(): PropertyDecorator {
  return (target, propertyName) => {
    Transform(({ value }) =>
      typeof value === 'string' ? (normalisePhone(value) ?? value) : value,
    )(target, propertyName);
    registerDecorator({
      name: 'isPhone',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && normalisePhone(value) === value,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be a Moroccan number (06, 07 or 05 followed by 8 digits) or an international number starting with + (at most ${PHONE_INPUT_MAX_LENGTH} characters)`,
      },
    });
  };
}
