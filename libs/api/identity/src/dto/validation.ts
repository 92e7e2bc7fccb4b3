import { normalisePhone, PHONE_INPUT_MAX_LENGTH } from '@oris/shared/domain';
import { Transform } from 'class-transformer';
import { propertyValidator } from '@oris/api/platform';

export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 120;
export const MIN_BIRTH_YEAR = 1930;
export const MIN_AGE = 15;

/** Emails are compared and stored trimmed and lower-case. */
export const NormaliseEmail = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** A plausible birth year for a trainee: from 1930 to 15 years before the current year. */
export const IsBirthYear = (): PropertyDecorator =>
  propertyValidator(
    'isBirthYear',
    (value) =>
      Number.isInteger(value) &&
      (value as number) >= MIN_BIRTH_YEAR &&
      (value as number) <= maxBirthYear(),
    (args) =>
      `${args.property} must be a whole year between ${MIN_BIRTH_YEAR} and ${maxBirthYear()}`,
  );

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
    propertyValidator(
      'isPhone',
      (value) => typeof value === 'string' && normalisePhone(value) === value,
      (args) =>
        `${args.property} must be a Moroccan number (06, 07 or 05 followed by 8 digits) or an international number starting with + (at most ${PHONE_INPUT_MAX_LENGTH} characters)`,
    )(target, propertyName);
  };
}
