import { INSERTING_SITUATION_KINDS } from '@oris/shared/domain';

/**
 * The SQL of the insertion indicator (PRODUCT.md, "The indicator"), in pieces shared by the
 * live query (raw tables, any `asOf` and `knownAt`) and the rollup refresh, so that both apply the very same
 * rules. Pieces only ever embed constants and `$n` placeholders, never request values.
 */

const INSERTING = `(${INSERTING_SITUATION_KINDS.map((kind) => `'${kind}'`).join(', ')})`;

/**
 * What the live query may know, as SQL expressions (`null`: no limit). `asOfEnd` is the end of
 * the reference day in Morocco: facts dated after it (a revocation) had not happened yet.
 * `knownAt` is the instant of knowledge: only rows recorded and validated by then are read.
 * The rollup is built with both null: every fact, as recorded now.
 */
export interface Knowledge {
  asOfEnd: string | null;
  knownAt: string | null;
}

export const EVERYTHING_KNOWN: Knowledge = { asOfEnd: null, knownAt: null };

/**
 * Situations that count: validated ones. Being validated is a property of the situation, not an
 * event dated by the reference day: a situation validated today counts at any past `asOf` by its
 * own start and end dates. At `knownAt`, the version that was current then, if it was already
 * validated then.
 */
export function validatedSituations(knownAt: string | null): string {
  return knownAt === null
    ? `SELECT user_id, kind, start_on, end_on FROM placement_version
        WHERE superseded_at IS NULL AND validated_at IS NOT NULL`
    : `SELECT user_id, kind, start_on, end_on FROM placement_version
        WHERE validated_at IS NOT NULL AND validated_at <= ${knownAt} AND created_at <= ${knownAt}
          AND (superseded_at IS NULL OR superseded_at > ${knownAt})`;
}

/**
 * Qualifying completions: completed enrollments whose certificate, if one was issued, is not
 * revoked (the current one: a re-issue's predecessor, revoked as `replaced`, does not count against
 * it). The completion counts by its own date (the period's bounds), whenever it was
 * recorded; a certificate revoked after the reference day was still valid on it. At `knownAt`,
 * only completions validated by then, and revocations made by then.
 */
export function qualifyingCompletions(knowledge: Knowledge, where = 'true'): string {
  const { asOfEnd, knownAt } = knowledge;
  const revokedBy = [
    `c.status = 'revoked'`,
    ...(asOfEnd === null ? [] : [`c.revoked_at < ${asOfEnd}`]),
    ...(knownAt === null ? [] : [`c.revoked_at <= ${knownAt}`]),
  ];
  const conditions = [
    `NOT coalesce(${revokedBy.join(' AND ')}, false)`,
    ...(knownAt === null ? [] : [`e.validated_at <= ${knownAt}`]),
  ];
  return `
    SELECT e.id AS enrollment_id, e.user_id, e.completed_on, s.starts_on AS training_start,
           s.course_id, e.session_id, e.region_code, e.education_level
      FROM enrollment e
      JOIN course_session s ON s.id = e.session_id
      LEFT JOIN certificate c ON c.enrollment_id = e.id AND c.replaced_by_id IS NULL
     WHERE e.status = 'completed' AND ${conditions.join(' AND ')} AND ${where}`;
}

/** The person's age band at the start of the reference training, from the birth year. */
export function ageBandSql(birthYear: string, trainingStart: string): string {
  const age = `(extract(year FROM ${trainingStart})::int - ${birthYear})`;
  return `CASE WHEN ${birthYear} IS NULL OR ${age} < 15 THEN NULL
               WHEN ${age} <= 24 THEN '15-24' WHEN ${age} <= 29 THEN '25-29'
               WHEN ${age} <= 44 THEN '30-44' ELSE '45+' END`;
}

/**
 * The follow-up piece: an answered follow-up of the reference enrollment for the horizon makes
 * the person "responded" (libs/api/followups, table `followup`). Like a validation, an answer is
 * knowledge of the situation at the reference date, not a fact of the reference day: it counts
 * at any `asOf`, and `knownAt` keeps the answers given by then.
 */
export function answeredFollowup(
  enrollmentId: string,
  horizon: number,
  knownAt: string | null,
): string {
  return `EXISTS (SELECT 1 FROM followup f
                   WHERE f.enrollment_id = ${enrollmentId} AND f.horizon = ${horizon}
                     AND f.answered_at IS NOT NULL${knownAt === null ? '' : ` AND f.answered_at <= ${knownAt}`})`;
}

/**
 * Per person row `r` (user_id, training_start, enrollment_id) and reference date `refOn`: a
 * LATERAL subquery giving `inserted`, `employed`, `responded` and `kind` under the alias.
 *
 * `kind` (the kind breakdown): for an inserted person, the kind of their earliest inserting
 * situation in the window (then by kind, for determinism); otherwise for a respondent, the kind of
 * the non-inserting situation known at the reference date (ongoing on it first, then the latest
 * started); `other` for a respondent with neither (a follow-up answer only, or a job held since
 * before the training); `unknown` for non-respondents. The engine reports not-yet-eligible
 * persons as `unknown` too.
 */
export function situationLateral(options: {
  alias: string;
  refOn: string;
  horizon: number;
  knownAt: string | null;
}): string {
  const { alias, refOn, horizon, knownAt } = options;
  const inWindow = `p.start_on >= r.training_start AND p.start_on <= ${refOn}`;
  const ongoing = `p.start_on <= ${refOn} AND (p.end_on IS NULL OR p.end_on >= ${refOn})`;
  const inserting = `p.kind IN ${INSERTING}`;
  return `LEFT JOIN LATERAL (
      SELECT
        coalesce(bool_or(${inserting} AND ${inWindow}), false) AS inserted,
        coalesce(bool_or(${inserting} AND ${inWindow} AND (p.end_on IS NULL OR p.end_on >= ${refOn})), false) AS employed,
        coalesce(bool_or((${inWindow}) OR (${ongoing})), false) AS situated,
        (array_agg(p.kind ORDER BY p.start_on, p.kind) FILTER (WHERE ${inserting} AND ${inWindow}))[1] AS inserting_kind,
        (array_agg(p.kind ORDER BY (p.end_on IS NULL OR p.end_on >= ${refOn}) DESC, p.start_on DESC, p.kind)
           FILTER (WHERE NOT (${inserting}) AND ((${inWindow}) OR (${ongoing}))))[1] AS other_kind
      FROM (${validatedSituations(knownAt)}) p
      WHERE p.user_id = r.user_id AND p.start_on <= ${refOn}
    ) ${alias}_s ON true
    CROSS JOIN LATERAL (
      SELECT ${alias}_s.inserted AS inserted, ${alias}_s.employed AS employed,
             (${alias}_s.situated OR ${answeredFollowup('r.enrollment_id', horizon, knownAt)}) AS responded,
             ${alias}_s.inserting_kind, ${alias}_s.other_kind
    ) ${alias}_f
    CROSS JOIN LATERAL (
      SELECT CASE WHEN ${alias}_f.inserted THEN ${alias}_f.inserting_kind
                  WHEN ${alias}_f.responded THEN coalesce(${alias}_f.other_kind, 'other')
                  ELSE 'unknown' END AS kind
    ) ${alias}_k`;
}

/** `completed_on + N months` as a date (month ends clamp, as PostgreSQL's interval arithmetic). */
export const referenceDate = (completedOn: string, months: number | string) =>
  `(${completedOn} + make_interval(months => ${months}))::date`;
