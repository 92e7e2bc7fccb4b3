import { Transform } from 'class-transformer';
import { Matches, registerDecorator, ValidateIf, ValidationArguments } from 'class-validator';

/** A property validator of one rule: the shape of every custom decorator of the DTOs. */
export function propertyValidator(
  name: string,
  validate: (value: unknown, args: ValidationArguments) => boolean,
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

export const Trim = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Trims text; an empty string becomes null, so a blank optional field means "none". */
export const TrimToNull = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

/** Query strings carry text: 'true' and 'false' become booleans, anything else stays to be refused. */
export const ToBoolean = () =>
  Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

/**
 * For fields that may be left out but never cleared (PATCH): `undefined` skips validation, `null`
 * is validated (and refused), unlike `@IsOptional()` which lets null through to the database.
 */
export const IsOmittable = () => ValidateIf((_object, value) => value !== undefined);

/** Names end up in exports, emails and PDFs: no control characters (line breaks could inject headers). */
export const HasNoControlCharacters = () =>
  Matches(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u, {
    message: '$property must not contain control characters',
  });

/** A note may span lines, but carries no other control character. */
export const NoteText = () =>
  // eslint-disable-next-line no-control-regex
  Matches(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\p{Cf}]*$/u, {
    message: '$property must not contain control characters',
  });

/** The fields of a PATCH body that were actually sent. */
export const sentFields = <T extends object>(dto: T): Partial<T> =>
  Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<T>;
