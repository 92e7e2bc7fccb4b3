import { normalizeForSearch } from '@oris/shared/domain';

/** A piece of a title or snippet; `match` marks the words that answer the query. */
export interface TextSegment {
  text: string;
  match: boolean;
}

/** How much of a body a result shows around its first matched word. */
export const SNIPPET_MAX_LENGTH = 240;
/** How much of that comes before the first match, so it is read in context. */
const SNIPPET_LEAD = 60;
/** Below this length a term is a word like « de » or « في »: never marked on its own. */
const MARKED_TERM_MIN_LENGTH = 3;
/** Trigram similarity from which a written word is taken for a mistyped term (pg_trgm's is 0.3 for `%`; a word against a word needs more). */
const TYPO_SIMILARITY = 0.5;

/**
 * A word as written, with everything the normalisation ignores inside it (accents, Arabic marks,
 * tatweel, joiners): letters, digits and combining marks.
 */
const WORD = /[\p{L}\p{N}\p{M}\u0640\u200C\u200D]+/gu;
const ARABIC = /[\u0600-\u06FF]/u;

/** The terms of a normalised query that are worth marking (see MARKED_TERM_MIN_LENGTH). */
export function markedTermsOf(normalizedQuery: string): string[] {
  const terms = normalizedQuery.split(' ').filter(Boolean);
  const long = terms.filter((term) => term.length >= MARKED_TERM_MIN_LENGTH);
  return [...new Set(long.length > 0 ? long : terms)];
}

/**
 * Whether a written word (normalised) answers a query term, in the ways the search matched it:
 * the same word, a longer form of it (plural, Arabic clitics such as ال or و before it), a form
 * sharing its stem (« économique » for « économie »), or the word the term mistypes.
 */
export function wordMatches(
  word: string,
  term: string,
  termTrigrams: ReadonlySet<string> = trigramsOf(term),
): boolean {
  if (word === term) return true;
  if (term.length < MARKED_TERM_MIN_LENGTH) return false;
  if (word.startsWith(term)) return true;
  if (ARABIC.test(term) && word.includes(term)) return true;
  const shorter = Math.min(word.length, term.length);
  if (shorter >= 5 && commonPrefixLength(word, term) >= Math.max(5, shorter - 3)) return true;
  return term.length >= 4 && similarityOf(trigramsOf(word), termTrigrams) >= TYPO_SIMILARITY;
}

/**
 * Which written words answer a query's terms, each decided once per answer: a page's titles and
 * bodies repeat their words, and deciding one (normalising it, comparing it with every term, by
 * trigrams for a typo) costs far more than looking it up — at P11, 10–20 ms of the API's CPU per
 * page of 20 results without this memory, against the few milliseconds PostgreSQL spends on
 * most searches. One per answer, so it stays as small as a page's vocabulary.
 */
export class WordMarker {
  private readonly decided = new Map<string, boolean>();
  /** Each term's trigrams, for `wordMatches`: computed once, not once per word. */
  private readonly termTrigrams: ReadonlySet<string>[];

  constructor(readonly terms: string[]) {
    this.termTrigrams = terms.map(trigramsOf);
  }

  /** Whether the word as written answers a term (`wordMatches` on its normalised form). */
  matches(written: string): boolean {
    let match = this.decided.get(written);
    if (match === undefined) {
      const words = normalizeForSearch(written).split(' ');
      match = words.some(
        (word) =>
          word !== '' &&
          this.terms.some((term, index) => wordMatches(word, term, this.termTrigrams[index])),
      );
      this.decided.set(written, match);
    }
    return match;
  }
}

/** The whole text cut into marked and unmarked segments. */
export function markedSegments(text: string, marker: WordMarker): TextSegment[] {
  return segmentsOf(text, 0, text.length, marker);
}

/**
 * A passage of the body around its first word answering the query (or its beginning when none
 * does: a typo matched approximately, or only the title matched), with `…` where it is cut.
 */
export function snippetOf(
  body: string,
  marker: WordMarker,
  maxLength = SNIPPET_MAX_LENGTH,
): TextSegment[] {
  if (body.length === 0) return [];
  let first = -1;
  for (const word of body.matchAll(WORD)) {
    if (marker.matches(word[0])) {
      first = word.index;
      break;
    }
  }
  let start = first <= SNIPPET_LEAD ? 0 : wordStartAfter(body, first - SNIPPET_LEAD);
  let end = Math.min(body.length, start + maxLength);
  if (end < body.length) end = wordEndBefore(body, end, start);
  if (end - start < maxLength && start > 0) {
    start = wordStartAfter(body, Math.max(0, end - maxLength));
  }
  const segments = segmentsOf(body, start, end, marker);
  if (start > 0) segments.unshift({ text: '… ', match: false });
  if (end < body.length) segments.push({ text: ' …', match: false });
  return merge(segments);
}

function segmentsOf(text: string, start: number, end: number, marker: WordMarker): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = start;
  const part = text.slice(start, end);
  for (const word of part.matchAll(WORD)) {
    if (!marker.matches(word[0])) continue;
    const from = start + word.index;
    if (from > at) segments.push({ text: text.slice(at, from), match: false });
    segments.push({ text: word[0], match: true });
    at = from + word[0].length;
  }
  if (at < end) segments.push({ text: text.slice(at, end), match: false });
  return merge(segments);
}

/** Adjacent unmarked segments joined, so a client draws as few pieces as possible. */
function merge(segments: TextSegment[]): TextSegment[] {
  const merged: TextSegment[] = [];
  for (const segment of segments) {
    const last = merged.at(-1);
    if (last && !last.match && !segment.match) last.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged.map((segment) => ({ ...segment, text: collapseSpaces(segment.text) }));
}

/** Line breaks and runs of spaces of the body read as one space in a one-line snippet. */
const collapseSpaces = (text: string): string => text.replace(/\s+/g, ' ');

/** The first word start at or after `index` (so a snippet never begins inside a word). */
function wordStartAfter(text: string, index: number): number {
  const space = text.slice(index).search(/\s/);
  return space < 0 ? index : index + space + 1;
}

/** The last word end at or before `index`, never before `floor`. */
function wordEndBefore(text: string, index: number, floor: number): number {
  const space = text.lastIndexOf(' ', index);
  return space > floor ? space : index;
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/** pg_trgm's similarity of two words: shared trigrams of `  word ` over all of them. */
export function trigramSimilarity(a: string, b: string): number {
  return similarityOf(trigramsOf(a), trigramsOf(b));
}

function similarityOf(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  let shared = 0;
  for (const trigram of left) if (right.has(trigram)) shared++;
  return shared / (left.size + right.size - shared);
}

function trigramsOf(word: string): Set<string> {
  const chars = Array.from(`  ${word} `);
  const trigrams = new Set<string>();
  for (let index = 0; index + 3 <= chars.length; index++) {
    trigrams.add(chars[index] + chars[index + 1] + chars[index + 2]);
  }
  return trigrams;
}
