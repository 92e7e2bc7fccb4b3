import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum IdentityErrorCode {
  Unauthenticated = 'unauthenticated',
  InvalidCredentials = 'invalid_credentials',
  InvalidRefreshToken = 'invalid_refresh_token',
  Forbidden = 'forbidden',
  UserNotFound = 'user_not_found',
  EmailTaken = 'email_taken',
  LastAdmin = 'last_admin',
  SelfDisable = 'self_disable',
  SelfErase = 'self_erase',
  InvalidResetToken = 'invalid_reset_token',
  InvalidConfirmationToken = 'invalid_confirmation_token',
  ConsentRequired = 'consent_required',
}

/** The one place where identity codes get their HTTP status and title. */
const PROBLEMS: Record<IdentityErrorCode, { status: HttpStatus; title: string }> = {
  [IdentityErrorCode.Unauthenticated]: {
    status: HttpStatus.UNAUTHORIZED,
    title: 'Authentication required',
  },
  [IdentityErrorCode.InvalidCredentials]: {
    status: HttpStatus.UNAUTHORIZED,
    title: 'Invalid email or password',
  },
  [IdentityErrorCode.InvalidRefreshToken]: {
    status: HttpStatus.UNAUTHORIZED,
    title: 'Session expired',
  },
  [IdentityErrorCode.Forbidden]: { status: HttpStatus.FORBIDDEN, title: 'Forbidden' },
  [IdentityErrorCode.UserNotFound]: { status: HttpStatus.NOT_FOUND, title: 'User not found' },
  [IdentityErrorCode.EmailTaken]: {
    status: HttpStatus.CONFLICT,
    title: 'Email already registered',
  },
  [IdentityErrorCode.LastAdmin]: { status: HttpStatus.CONFLICT, title: 'Last administrator' },
  [IdentityErrorCode.SelfDisable]: {
    status: HttpStatus.CONFLICT,
    title: 'An administrator cannot disable their own account',
  },
  [IdentityErrorCode.SelfErase]: {
    status: HttpStatus.CONFLICT,
    title: 'An administrator erases their own account from their own data page',
  },
  [IdentityErrorCode.InvalidResetToken]: {
    status: HttpStatus.BAD_REQUEST,
    title: 'Invalid or expired reset link',
  },
  [IdentityErrorCode.InvalidConfirmationToken]: {
    status: HttpStatus.BAD_REQUEST,
    title: 'Invalid or expired confirmation link',
  },
  [IdentityErrorCode.ConsentRequired]: {
    status: HttpStatus.FORBIDDEN,
    title: 'Consent required',
  },
};

export class IdentityException extends DomainException {
  constructor(code: IdentityErrorCode, detail?: string, retryAfterSeconds?: number) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail, retryAfterSeconds);
  }
}
