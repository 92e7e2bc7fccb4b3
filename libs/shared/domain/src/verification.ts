/**
 * How certificates are looked up by the people who hold a printed or emailed copy: the
 * verification code (from the QR code, the link, or typed from the paper) and the printed serial.
 * Shared by the API, which decides, and the verify page, which reads what a person typed.
 */

/**
 * The alphabet of codes issued since issue 14: upper case only (a code typed from paper reads the
 * same whatever the case) and without the characters people mistake for others (0/O, 1/I/L, and
 * U, which reads as V). 30 symbols.
 */
export const VERIFICATION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 30 symbols of 30: about 147 random bits, as much as the earlier 144-bit codes (S5). */
export const VERIFICATION_CODE_LENGTH = 30;
/** Printed in groups of this many, joined by dashes, so a person can copy it without losing place. */
const GROUP = 5;

/** A code as issued since issue 14 (stored and linked without dashes). */
export const READABLE_CODE = new RegExp(
  `^[${VERIFICATION_ALPHABET}]{${VERIFICATION_CODE_LENGTH}}$`,
);
/** Every code ever issued, the earlier base64url ones (case-sensitive) included. */
export const ANY_VERIFICATION_CODE = /^[A-Za-z0-9_-]{22,64}$/;
/** A printed serial (`ORIS-2026-000001`), as the database checks it. */
export const CERTIFICATE_SERIAL = /^ORIS-[0-9]{4}-[0-9]{6,}$/;

/** Arabic-Indic (U+0660…) and extended Arabic-Indic (U+06F0…, Persian/Urdu) digits as ASCII. */
export function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) =>
    String((digit.charCodeAt(0) & 0xf) % 10),
  );
}

/** Spaces of every kind, dashes and hyphens of every kind, and the bidi marks a copy may carry. */
const SEPARATORS = /[\s\u00A0\u2000-\u200F\u2028-\u202F\u2060\uFEFF\-\u2010-\u2015\u2212_.]/g;

/**
 * The codes that what a person typed may stand for, most likely first: the text as it is (an
 * earlier, case-sensitive base64url code) and, for the readable codes, the text without spaces
 * or dashes, upper-cased, digits made ASCII. Empty when it can be no code at all.
 */
export function verificationCodeCandidates(input: string): string[] {
  const text = input.trim();
  const candidates: string[] = [];
  if (ANY_VERIFICATION_CODE.test(text)) candidates.push(text);
  const readable = westernDigits(text).replace(SEPARATORS, '').toUpperCase();
  if (READABLE_CODE.test(readable) && !candidates.includes(readable)) candidates.push(readable);
  return candidates;
}

/** A code as printed and shown: readable codes in dashed groups, earlier codes as they are. */
export function formatVerificationCode(code: string): string {
  if (!READABLE_CODE.test(code)) return code;
  const groups: string[] = [];
  for (let index = 0; index < code.length; index += GROUP)
    groups.push(code.slice(index, index + GROUP));
  return groups.join('-');
}

/**
 * The serial in what a person typed (`oris 2026 1`, `ORIS-٢٠٢٦-٠٠٠٠٠١`, `ORIS–2026–000001`), in its
 * printed form, or null when it is not one.
 */
export function serialFrom(input: string): string | null {
  const text = westernDigits(input.trim()).toUpperCase();
  const match =
    /^ORIS[\s\u00A0\-\u2010-\u2015\u2212_.]*([0-9]{4})[\s\u00A0\-\u2010-\u2015\u2212_.]*([0-9]{1,12})$/.exec(
      text,
    );
  if (!match) return null;
  const number = match[2].replace(/^0+(?=[0-9])/, '');
  return `ORIS-${match[1]}-${number.padStart(6, '0')}`;
}

/**
 * A name as compared when a serial is looked up: case, accents, punctuation, spacing and the order
 * of the words do not matter; Arabic diacritics and tatweel are dropped, alef forms are one.
 */
export function comparableName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '')
    .sort()
    .join(' ');
}
