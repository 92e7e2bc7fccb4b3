import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@oris/shared/domain';
import { propertyValidator } from '@oris/api/platform';
import type { ValidationArguments } from 'class-validator';
import { passwordProblems } from './password-policy';

/** Applies the password policy to a new password; the message says which rule failed. */
export const IsAcceptablePassword = (): PropertyDecorator =>
  propertyValidator(
    'isAcceptablePassword',
    (value, args) =>
      typeof value === 'string' && passwordProblems(value, contextOf(args)).length === 0,
    (args) =>
      typeof args.value === 'string'
        ? `${args.property} ${passwordProblems(args.value, contextOf(args)).join('; ')}`
        : `${args.property} must be a string of ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
  );

const contextOf = (args: ValidationArguments) => {
  const email = (args.object as { email?: unknown }).email;
  return { email: typeof email === 'string' ? email : undefined };
};
