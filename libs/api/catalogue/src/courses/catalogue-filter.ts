import { searchTermsOf } from '@oris/shared/domain';
import type { CourseStatus, CourseTheme, DeliveryMode, Locale } from '@oris/shared/domain';

export interface CatalogueFilter {
  q?: string;
  region?: string;
  theme?: CourseTheme;
  mode?: DeliveryMode;
  language?: Locale;
  upcoming?: boolean;
}

export interface SqlCondition {
  /** Conditions on `course c`, to be joined with AND. */
  where: string[];
  params: unknown[];
  /** With a text search: ORDER BY terms that put the best matches first (before the list's own). */
  rank: string[];
}

/**
 * `%`, `_` and `\` are matched literally by LIKE (its escape character is `\`). Normalised text has
 * none of them; escaping keeps a pattern literal whatever the normalisation becomes.
 */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The normalised text of a course and of a session (migration 1796542300000-ForgivingSearch):
 * the very expressions of the trigram indexes `course_search_idx` and `course_session_search_idx`,
 * so the indexes serve every condition below.
 */
export const COURSE_SEARCH_TEXT = `oris_course_search_text(c.code, c.title, c.summary)`;
const SESSION_SEARCH_TEXT = `oris_search_normalize(s.title || ' ' || coalesce(s.venue, ''))`;

/**
 * Below this many characters a query is matched as written (after normalisation), never
 * approximately: a typo in two or three letters is another word.
 */
export const FUZZY_MIN_LENGTH = 4;

/**
 * The search (PRODUCT: search that forgives). The query is normalised by `normalizeForSearch`, the
 * stored text by its SQL twin, so accents, case, punctuation and Arabic spelling variants do not
 * matter. A course matches when its normalised code, title or summary, or the title or venue of
 * one of its non-cancelled sessions:
 * - contains the query (`cooperative` finds « Coopérative », `meknes` a session in Meknès);
 * - contains it without its spaces (`es 101` finds `ES101`; the code is also indexed without
 *   spaces, so `es101` finds `ES-101`);
 * - or, for a query of FUZZY_MIN_LENGTH characters or more, has a word sequence similar to it by
 *   trigrams (`%>`, pg_trgm's word similarity at its default threshold 0.6: `entreprenariat`
 *   finds « entrepreneuriat »).
 * Ranked: containing the query first, then by word similarity. Null when nothing searchable is
 * left in the query (only punctuation): it then matches nothing.
 */
function textSearch(
  q: string | undefined,
  param: (value: unknown) => string,
): { where: string; rank: string[] } | null {
  const trimmed = q?.trim();
  if (!trimmed) return null;
  const terms = searchTermsOf(trimmed);
  if (terms === null) return { where: 'false', rank: [] };
  const contains = param(`%${escapeLike(terms.normalized)}%`);
  const compact =
    terms.compact === terms.normalized ? null : param(`%${escapeLike(terms.compact)}%`);
  const fuzzy = terms.normalized.length >= FUZZY_MIN_LENGTH ? param(terms.normalized) : null;
  const matches = (text: string) =>
    [
      `${text} LIKE ${contains}`,
      ...(compact ? [`${text} LIKE ${compact}`] : []),
      ...(fuzzy ? [`${text} %> ${fuzzy}`] : []),
    ].join(' OR ');
  // A UNION of two index scans, rather than one OR across tables that no index could serve.
  const where =
    `c.id IN (SELECT c.id FROM course c WHERE ${matches(COURSE_SEARCH_TEXT)}` +
    ` UNION SELECT s.course_id FROM course_session s WHERE s.status <> 'cancelled'` +
    ` AND (${matches(SESSION_SEARCH_TEXT)}))`;
  // Only parameters the condition already uses: the count query binds the same list.
  const rank = [`(${COURSE_SEARCH_TEXT} LIKE ${contains}) DESC`];
  if (fuzzy) rank.push(`word_similarity(${fuzzy}, ${COURSE_SEARCH_TEXT}) DESC`);
  return { where, rank };
}

export interface TeachingFilter {
  q?: string;
  status?: CourseStatus;
}

/**
 * The WHERE clause of the teaching lists (my courses, every course): any status unless one is
 * asked, and the catalogue's text search. Parameters are numbered after `params` already bound
 * (`$1` is the owner in "my courses").
 */
export function buildTeachingFilter(filter: TeachingFilter, bound: unknown[] = []): SqlCondition {
  const params = [...bound];
  const param = (value: unknown): string => `$${params.push(value)}`;
  const where: string[] = [];
  const search = textSearch(filter.q, param);
  if (search) where.push(search.where);
  if (filter.status) where.push(`c.status = ${param(filter.status)}`);
  return { where, params, rank: search?.rank ?? [] };
}

/**
 * The public catalogue's WHERE clause. Every value is a bind parameter; the text search is
 * `textSearch`, served by the trigram indexes.
 */
export function buildCatalogueFilter(filter: CatalogueFilter, today: string): SqlCondition {
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [`c.status = 'published'`];
  const search = textSearch(filter.q, param);
  if (search) where.push(search.where);
  if (filter.theme) where.push(`c.theme = ${param(filter.theme)}`);
  if (filter.mode) where.push(`c.delivery_mode = ${param(filter.mode)}`);
  if (filter.language) where.push(`${param(filter.language)} = ANY (c.languages)`);
  if (filter.region || filter.upcoming) {
    // One session must meet both conditions: "upcoming in Fès", not "upcoming, and once in Fès".
    const session = [`s.course_id = c.id`, `s.status <> 'cancelled'`];
    if (filter.region) session.push(`s.region_code = ${param(filter.region)}`);
    if (filter.upcoming) session.push(`s.starts_on >= ${param(today)}::date`);
    where.push(`EXISTS (SELECT 1 FROM course_session s WHERE ${session.join(' AND ')})`);
  }
  return { where, params, rank: search?.rank ?? [] };
}
