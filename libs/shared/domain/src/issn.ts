/**
 * ISSN (ISO 3297): seven digits and a check character, weights 8..2, modulo 11, `X` for 10.
 * Written `NNNN-NNNC`; people also write it without the hyphen, with spaces, a lower-case `x`,
 * or a prefix (`ISSN 0317-8471`).
 */

/** The check character of the first seven digits (`0`–`9` or `X`). */
export function issnCheckCharacter(sevenDigits: string): string {
  if (!/^[0-9]{7}$/.test(sevenDigits)) throw new Error('An ISSN check needs seven digits');
  let sum = 0;
  for (let index = 0; index < 7; index++) sum += Number(sevenDigits[index]) * (8 - index);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/**
 * The ISSN normalised to `NNNN-NNNC`, or null when the text is no ISSN (wrong length, a letter
 * other than the final X, or a check character that does not match).
 */
export function normalizeIssn(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const compact = text
    .trim()
    .replace(/^e?-?issn:?\s*/i, '')
    .replace(/[\s\u2010-\u2015-]/g, '')
    .toUpperCase();
  if (!/^[0-9]{7}[0-9X]$/.test(compact)) return null;
  if (issnCheckCharacter(compact.slice(0, 7)) !== compact[7]) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** Whether the text is a valid ISSN, however written. */
export const isValidIssn = (text: string | null | undefined): boolean =>
  normalizeIssn(text) !== null;
