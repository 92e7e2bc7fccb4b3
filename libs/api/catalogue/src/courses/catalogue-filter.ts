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
}

/** `%`, `_` and `\` typed by a person are matched literally by ILIKE … ESCAPE '\'. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Matches the same expression as the trigram index `course_search_idx`, so the index serves it. */
const textMatch = (placeholder: string) =>
  `(c.code || ' ' || c.title || ' ' || c.summary) ILIKE ${placeholder} ESCAPE '\\'`;

const likePattern = (q: string) => `%${escapeLike(q)}%`;

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
  const where: string[] = [];
  const q = filter.q?.trim();
  if (q) where.push(textMatch(`$${params.push(likePattern(q))}`));
  if (filter.status) where.push(`c.status = $${params.push(filter.status)}`);
  return { where, params };
}

/**
 * The public catalogue's WHERE clause. Every value is a bind parameter; the text search uses the
 * same expression as the trigram index `course_search_idx`, so the index serves it.
 */
export function buildCatalogueFilter(filter: CatalogueFilter, today: string): SqlCondition {
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [`c.status = 'published'`];
  const q = filter.q?.trim();
  if (q) where.push(textMatch(param(likePattern(q))));
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
  return { where, params };
}
