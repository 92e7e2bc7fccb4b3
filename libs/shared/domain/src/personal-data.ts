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
