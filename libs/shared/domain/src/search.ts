import { UNACCENT_FOLDS } from './search-unaccent';

/**
 * The one normalisation of searchable text (docs/ARCHITECTURE.md, "Shared helpers"): what a
 * person types and what is stored are compared after both went through it, so accents, case,
 * punctuation, spacing and the usual variants of Arabic spelling do not matter.
 *
 * PostgreSQL has the same rules as the IMMUTABLE function `oris_search_normalize(text)`
 * (migration 1796542300000-ForgivingSearch), which the trigram indexes are built on; the API
 * normalises a query here and compares it with the indexed text there. The two must agree:
 * apps/api/test/catalogue/search.api-test.ts runs both on the same characters. A change here is a
 * change there (a new migration), and the reverse.
 *
 * The steps, in order:
 * 1. Unicode NFC, so a letter typed as base + combining accent is the same as the precomposed one.
 * 2. Latin accents and ligatures removed as PostgreSQL's `unaccent` does (é → e, œ → oe, ß → ss).
 * 3. Lower case.
 * 4. Dropped: invisible direction marks and joiners. Arabic: the short vowels and other diacritics (tashkeel U+064B–U+065F, superscript alef
 *    U+0670, Quranic marks) and the tatweel (U+0640) are dropped; hamza-carrying and wasla alefs
 *    (أ إ آ ٱ) become ا; alef maqsura ى and Persian yeh ی become ي; ؤ becomes و and ئ becomes ي;
 *    keheh ک becomes ك; teh marbuta ة becomes ه (people often type the final ة as ه, and the
 *    reverse never changes a word's meaning in a search; so both are read as ه); Arabic-Indic
 *    and Persian digits become 0–9.
 * 5. Anything that is not a digit, a Latin letter a–z, an Arabic letter or a Tifinagh letter
 *    (punctuation, spaces, symbols) separates words: runs of them become one space, and the ends
 *    are trimmed.
 */

/** Arabic letters read as another (step 4), as [from, to] strings of equal length. */
export const SEARCH_ARABIC_FOLD_FROM = 'أإآٱىیئؤةک٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹';
export const SEARCH_ARABIC_FOLD_TO = 'اااايييوهك01234567890123456789';

/**
 * Characters dropped without separating words: Arabic diacritics and marks, tatweel, combining
 * Latin accents left over, joiners, and the invisible direction marks (ALM, LRM, RLM, embeddings
 * and isolates) that copied text may carry.
 */
export const SEARCH_DROPPED =
  '\u0610-\u061A\u061C\u0640\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8' +
  '\u06EA-\u06ED\u0300-\u036F\u200C-\u200F\u202A-\u202E\u2066-\u2069';

/** Characters kept (step 5), as the inside of a regular-expression bracket expression. */
export const SEARCH_KEPT = '0-9a-z\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5\u2D30-\u2D7F';

const FOLD = new Map(
  [...SEARCH_ARABIC_FOLD_FROM].map((from, index) => [from, SEARCH_ARABIC_FOLD_TO[index]]),
);
// The class lists combining marks on purpose: each one is dropped on its own.
// eslint-disable-next-line no-misleading-character-class
const DROPPED = new RegExp(`[${SEARCH_DROPPED}]`, 'gu');
const SEPARATORS = new RegExp(`[^${SEARCH_KEPT}]+`, 'gu');
/** What `unaccent` changes: Latin-1 Supplement to Latin Extended-B, and Latin Extended Additional. */
const LATIN = /[\u00A0-\u024F\u1E00-\u1EFF]/gu;

/** A combining Latin accent (U+0300–U+036F), as left by decomposition. */
const isCombiningAccent = (char: string): boolean => char >= '\u0300' && char <= '\u036F';

const unaccentLatin = (letter: string): string =>
  UNACCENT_FOLDS.get(letter) ??
  [...letter.normalize('NFD')].filter((char) => !isCombiningAccent(char)).join('');

/** The text as the search compares it (see above); '' when nothing searchable is left. */
export function normalizeForSearch(text: string): string {
  const folded = [...text.normalize('NFC').replace(LATIN, unaccentLatin).toLowerCase()]
    .map((char) => FOLD.get(char) ?? char)
    .join('')
    .replace(DROPPED, '');
  return folded.replace(SEPARATORS, ' ').trim();
}

/** A query as the search uses it: normalised, and the same without spaces (`es 101` finds ES101). */
export interface SearchTerms {
  normalized: string;
  compact: string;
}

/** The terms of a typed query, or null when nothing searchable is left (only punctuation). */
export function searchTermsOf(query: string): SearchTerms | null {
  const normalized = normalizeForSearch(query);
  return normalized ? { normalized, compact: normalized.replace(/ /g, '') } : null;
}
