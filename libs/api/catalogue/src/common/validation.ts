import { Transform } from 'class-transformer';
import { registerDecorator, ValidateIf, ValidationArguments } from 'class-validator';
import { isDateOnly, isDateTime } from '@oris/shared/domain';

/**
 * For fields that may be left out but never cleared: `undefined` skips validation, `null` is
 * validated (and refused), unlike `@IsOptional()` which lets null through to the database.
 */
export const IsOmittable = () => ValidateIf((_object, value) => value !== undefined);

export const Trim = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Query strings carry text: 'true' and 'false' become booleans, anything else stays to be refused. */
export const ToBoolean = () =>
  Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

function simpleValidator(
  name: string,
  validate: (value: unknown) => boolean,
  message: (args: ValidationArguments) => string,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      validator: { validate, defaultMessage: message },
    });
}

export const IsDateOnly = () =>
  simpleValidator(
    'isDateOnly',
    isDateOnly,
    ({ property }) => `${property} must be a date (YYYY-MM-DD)`,
  );

export const IsDateTime = () =>
  simpleValidator(
    'isDateTime',
    isDateTime,
    ({ property }) => `${property} must be an ISO 8601 date-time with a time zone`,
  );

/** The fields of a PATCH body that were actually sent. */
export const sentFields = <T extends object>(dto: T): Partial<T> =>
  Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<T>;
