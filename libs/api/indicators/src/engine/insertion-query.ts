import {
  ageBandSql,
  type Horizon,
  HORIZONS,
  qualifyingCompletions,
  referenceDate,
  situationLateral,
} from './insertion-sql';

export const GROUP_BYS = [
  'region',
  'gender',
  'ageBand',
  'education',
  'course',
  'session',
  'year',
  'kind',
] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** The engine's inputs, validated. Filters select persons by their reference training. */
export interface InsertionQuery {
  from: string;
  to: string;
  months: Horizon;
  asOf: string;
  region?: string;
  course?: string;
  session?: string;
  groupBy?: GroupBy;
}

/** One group of the breakdown (key null without `groupBy`): every person is in exactly one. */
export interface CountsRow {
  key: string | null;
  trained: number;
  eligible: number;
  inserted: number;
  employed: number;
  responded: number;
}

/** The totals: the sum of the groups, since each person counts in exactly one group. */
export function totalOf(rows: CountsRow[]): Omit<CountsRow, 'key'> {
  const total = { trained: 0, eligible: 0, inserted: 0, employed: 0, responded: 0 };
  for (const row of rows) {
    for (const name of Object.keys(total) as (keyof typeof total)[]) total[name] += row[name];
  }
  return total;
}

/** The group key of a reference row `x` (columns named as in the rollup). */
function groupKey(groupBy: GroupBy | undefined, months: Horizon): string {
  switch (groupBy) {
    case 'region':
      return `coalesce(x.region_code, 'unknown')`;
    case 'gender':
      return `coalesce(x.gender, 'unknown')`;
    case 'ageBand':
      return `coalesce(x.age_band, 'unknown')`;
    case 'education':
      return `coalesce(x.education_level, 'unknown')`;
    case 'course':
      return `x.course_id::text`;
    case 'session':
      return `x.session_id::text`;
    case 'year':
      return `extract(year FROM x.completed_on)::int::text`;
    case 'kind':
      return `CASE WHEN x.ref_on_${months} <= $3::date THEN x.kind_${months} ELSE 'unknown' END`;
    default:
      return `NULL::text`;
  }
}

/**
 * One row per group (a single group without `groupBy`); the totals are summed by the caller. A
 * plain GROUP BY rather than GROUPING SETS lets PostgreSQL aggregate in parallel. `x` has the
 * rollup's columns for the chosen horizon; eligibility (`ref_on <= asOf`, $3) is decided here.
 */
function aggregate(source: string, query: InsertionQuery): string {
  const m = query.months;
  const eligible = `x.ref_on_${m} <= $3::date`;
  const key = groupKey(query.groupBy, m);
  return `
    SELECT ${key} AS key,
           count(*)::int AS trained,
           count(*) FILTER (WHERE ${eligible})::int AS eligible,
           count(*) FILTER (WHERE ${eligible} AND x.inserted_${m})::int AS inserted,
           count(*) FILTER (WHERE ${eligible} AND x.employed_${m})::int AS employed,
           count(*) FILTER (WHERE ${eligible} AND x.responded_${m})::int AS responded
      FROM (${source}) x
     GROUP BY 1
     ORDER BY 1`;
}

/** Filters on the reference row; $1 from, $2 to, $3 asOf, then $4… for the optional ones. */
function filters(query: InsertionQuery, params: unknown[]): string {
  const parts: string[] = [];
  if (query.region) {
    params.push(query.region);
    parts.push(`x.region_code = $${params.length}`);
  }
  if (query.course) {
    params.push(query.course);
    parts.push(`x.course_id = $${params.length}::uuid`);
  }
  if (query.session) {
    params.push(query.session);
    parts.push(`x.session_id = $${params.length}::uuid`);
  }
  return parts.length === 0 ? 'true' : parts.join(' AND ');
}

/** The columns the aggregate reads (the covering index `insertion_rollup_first_idx` has them). */
const ROLLUP_COLUMNS = [
  'completed_on',
  'region_code',
  'gender',
  'age_band',
  'education_level',
  'course_id',
  'session_id',
  ...HORIZONS.flatMap((h) => [
    `ref_on_${h}`,
    `inserted_${h}`,
    `employed_${h}`,
    `responded_${h}`,
    `kind_${h}`,
  ]),
].join(', ');

/**
 * The aggregate over the rollup: reference rows are found by a filter, no DISTINCT — a person's
 * first completion if it is in the period, or a later one whose previous completion is before
 * the period. The two halves are disjoint (`prev_completed_on` null or not) and each has its index.
 */
export function rollupAggregate(query: InsertionQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [query.from, query.to, query.asOf];
  const where = filters(query, params);
  const source = `
    SELECT ${ROLLUP_COLUMNS} FROM insertion_rollup x
     WHERE x.prev_completed_on IS NULL AND x.completed_on BETWEEN $1::date AND $2::date AND ${where}
    UNION ALL
    SELECT ${ROLLUP_COLUMNS} FROM insertion_rollup x
     WHERE x.prev_completed_on < $1::date AND x.completed_on BETWEEN $1::date AND $2::date AND ${where}`;
  return { sql: aggregate(source, query), params };
}

/** The end of the `asOf` day in Morocco: what was known then is what existed before it. */
const CUTOFF = `(($3::date + 1)::timestamp AT TIME ZONE 'Africa/Casablanca')`;

/**
 * The same aggregate from the raw tables as they stood at the end of `asOf` (the version
 * history of placements, completion validations, revocations, follow-up answers).
 */
export function liveAggregate(query: InsertionQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [query.from, query.to, query.asOf];
  const where = filters(query, params);
  const m = query.months;
  const refOn = referenceDate('r.completed_on', m);
  const source = `
    SELECT r.*, u.gender, ${ageBandSql('u.birth_year', 'r.training_start')} AS age_band,
           ${refOn} AS ref_on_${m},
           h_f.inserted AS inserted_${m}, h_f.employed AS employed_${m},
           h_f.responded AS responded_${m}, h_k.kind AS kind_${m}
      FROM (SELECT DISTINCT ON (q.user_id) q.*
              FROM (${qualifyingCompletions(CUTOFF, 'e.completed_on BETWEEN $1::date AND $2::date')}) q
             ORDER BY q.user_id, q.completed_on, q.training_start, q.enrollment_id) r
      JOIN users u ON u.id = r.user_id
      ${situationLateral({ alias: 'h', refOn, horizon: m, cutoff: CUTOFF })}`;
  // The optional filters apply to the reference row, as on the rollup.
  return { sql: aggregate(`SELECT * FROM (${source}) x WHERE ${where}`, query), params };
}

/** Rebuilds every rollup row from the current state (the worker's refresh). */
export function rollupRebuild(): string {
  const columns: string[] = [];
  const laterals: string[] = [];
  for (const h of HORIZONS) {
    const refOn = referenceDate('r.completed_on', h);
    laterals.push(situationLateral({ alias: `h${h}`, refOn, horizon: h, cutoff: null }));
    columns.push(
      `${refOn}`,
      `h${h}_f.inserted`,
      `h${h}_f.employed`,
      `h${h}_f.responded`,
      `h${h}_k.kind`,
    );
  }
  return `
    INSERT INTO insertion_rollup (
      enrollment_id, user_id, completed_on, prev_completed_on, training_start, course_id,
      session_id, region_code, gender, age_band, education_level,
      ${HORIZONS.map((h) => `ref_on_${h}, inserted_${h}, employed_${h}, responded_${h}, kind_${h}`).join(', ')})
    SELECT r.enrollment_id, r.user_id, r.completed_on, r.prev_completed_on, r.training_start,
           r.course_id, r.session_id, r.region_code, u.gender,
           ${ageBandSql('u.birth_year', 'r.training_start')}, r.education_level,
           ${columns.join(', ')}
      FROM (SELECT q.*, lag(q.completed_on) OVER (
                     PARTITION BY q.user_id ORDER BY q.completed_on, q.training_start, q.enrollment_id
                   ) AS prev_completed_on
              FROM (${qualifyingCompletions(null)}) q) r
      JOIN users u ON u.id = r.user_id
      ${laterals.join('\n')}`;
}
