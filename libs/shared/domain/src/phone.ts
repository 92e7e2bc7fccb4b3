/**
 * Phone numbers: officers call trainees who did not answer the survey. Stored in E.164
 * (`+212612345678`) so one number has one spelling, whatever the person typed.
 *
 * Moroccan numbers are the default: the national forms `06…`, `07…` (mobile) and `05…` (fixed)
 * with 10 digits, and the same after `+212` or `00212` (with or without the national `0`).
 * Any other country is accepted in international form only (`+` or `00`, then 8 to 15 digits,
 * E.164's bounds); without a country code a number is read as Moroccan.
 *
 * A hand-written rule rather than libphonenumber-js: that library is only a transitive
 * dependency here, and its metadata would weigh on the web bundle for one country's plan.
 * The API's validation and the web form both use this function, so they cannot disagree.
 */

/** Longest input considered: a formatted international number with spaces fits easily. */
export const PHONE_INPUT_MAX_LENGTH = 32;

/** An E.164 number: `+`, a country code not starting with 0, 8 to 15 digits in all. */
export const E164_PATTERN = /^\+[1-9][0-9]{7,14}$/;

const MOROCCO_COUNTRY_CODE = '212';
/** The 9 digits after the national `0`: 5 (fixed), 6 and 7 (mobile). */
const MOROCCAN_SUBSCRIBER = /^[567][0-9]{8}$/;
/** Separators people type between digit groups. */
const SEPARATORS = /[\s.\-/()\u00a0]/g;

/** The number in E.164, or null when it is not a number this rule accepts. */
export function normalisePhone(input: string): string | null {
  if (input.length > PHONE_INPUT_MAX_LENGTH) return null;
  const compact = input.trim().replace(SEPARATORS, '');
  let international: string;
  if (compact.startsWith('+')) international = compact.slice(1);
  else if (compact.startsWith('00')) international = compact.slice(2);
  else if (compact.startsWith('0')) return moroccan(compact.slice(1));
  else return null;
  if (!/^[0-9]+$/.test(international)) return null;
  if (international.startsWith(MOROCCO_COUNTRY_CODE)) {
    const national = international.slice(MOROCCO_COUNTRY_CODE.length);
    // "+212 (0)6…" is a common way of writing it: the national 0 is dropped.
    return moroccan(national.startsWith('0') ? national.slice(1) : national);
  }
  const e164 = `+${international}`;
  return E164_PATTERN.test(e164) ? e164 : null;
}

export const isValidPhone = (input: string): boolean => normalisePhone(input) !== null;

const moroccan = (subscriber: string): string | null =>
  MOROCCAN_SUBSCRIBER.test(subscriber) ? `+${MOROCCO_COUNTRY_CODE}${subscriber}` : null;

/**
 * An E.164 number grouped for reading aloud on a call: Moroccan numbers as people write them
 * after the country code (`+212 6 12 34 56 78`), others left as stored.
 */
export function formatPhone(e164: string): string {
  const moroccan = /^\+212([567])(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(e164);
  return moroccan ? `+212 ${moroccan.slice(1).join(' ')}` : e164;
}
