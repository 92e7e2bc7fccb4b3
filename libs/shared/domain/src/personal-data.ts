/**
 * Version of the personal-data notice (law 09-08) a person consents to at registration. The web
 * app shows the notice of this version; the server records the version with the consent.
 * Bump it whenever the notice's text changes.
 */
export const PERSONAL_DATA_NOTICE_VERSION = '2026-11-01';

export const PERSONAL_DATA_PURPOSE =
  'training management, certificates and post-training insertion follow-up';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * An email address as the CSV imports accept it: one `@`, a dot in the domain, none of the
 * characters that would break an address header. Lower-case it first; at most 254 characters.
 */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL_ADDRESS.test(value);
}

const EMAIL_ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/**
 * How a consent record was collected: at registration, by a staff member on the person's behalf
 * (CSV import), at the sign-in prompt (a new notice, or confirming what staff recorded), from
 * the profile page (withdrawing or giving again consent to follow-up), or by command (demo seed).
 */
export const CONSENT_METHODS = [
  'registration',
  'staff_recorded',
  'sign_in_prompt',
  'profile',
  'command',
] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** Why a person must answer the consent prompt before using the app; null when they need not. */
export const CONSENT_PROMPT_REASONS = ['missing', 'notice_updated', 'staff_recorded'] as const;
export type ConsentPromptReason = (typeof CONSENT_PROMPT_REASONS)[number];

/**
 * Whether a trainee must be asked for consent again, from their latest consent record: never
 * recorded, given to an older notice (versions are ISO days, so they compare as strings), or
 * recorded by staff and not yet confirmed by the person.
 */
export function consentPromptReason(
  latest: { noticeVersion: string; method: ConsentMethod } | null,
  currentVersion: string = PERSONAL_DATA_NOTICE_VERSION,
): ConsentPromptReason | null {
  if (!latest) return 'missing';
  if (latest.noticeVersion < currentVersion) return 'notice_updated';
  if (latest.method === 'staff_recorded') return 'staff_recorded';
  return null;
}

/** A trainee's request that staff correct a situation recorded about them (law 09-08). */
export const RECTIFICATION_STATUSES = ['open', 'resolved'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_MESSAGE_MAX_LENGTH = 2000;
