import {
  FOLLOWUP_HORIZONS as HORIZONS,
  type FollowupHorizon as Horizon,
  MOROCCO_TIME_ZONE,
} from '@oris/shared/domain';
import {
  ageBandSql,
  qualifyingCompletions,
  referenceDate,
  situationLateral,
} from './insertion-sql';
import {
  type MonthlyDimension,
  monthOf,
  monthSpan,
  storedSpan,
  type MonthSpan,
} from './rollup-month';

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

/**
 * The engine's inputs, validated. Filters select persons by their reference training. `to` is
 * on or before `asOf`; `knownAt` (an ISO instant) limits the live query to what was recorded by
 * then, absent for everything recorded so far.
 */
export interface InsertionQuery {
  from: string;
  to: string;
  months: Horizon;
  asOf: string;
  knownAt?: string;
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
 * The counts of one group of rows `x` with the rollup's columns; `asOf` ($3) decides
 * eligibility. `cast` types them (`::int` for a final result, nothing for a partial sum).
 */
function rowCounts(months: Horizon, cast = ''): string {
  const eligible = `x.ref_on_${months} <= $3::date`;
  return `count(*)${cast} AS trained,
          count(*) FILTER (WHERE ${eligible})${cast} AS eligible,
          count(*) FILTER (WHERE ${eligible} AND x.inserted_${months})${cast} AS inserted,
          count(*) FILTER (WHERE ${eligible} AND x.employed_${months})${cast} AS employed,
          count(*) FILTER (WHERE ${eligible} AND x.responded_${months})${cast} AS responded`;
}

/**
 * One row per group (a single group without `groupBy`); the totals are summed by the caller. A
 * plain GROUP BY rather than GROUPING SETS lets PostgreSQL aggregate in parallel. `x` has the
 * rollup's columns for the chosen horizon; eligibility (`ref_on <= asOf`, $3) is decided here.
 */
function aggregate(source: string, query: InsertionQuery): string {
  return `
    SELECT ${groupKey(query.groupBy, query.months)} AS key,
           ${rowCounts(query.months, '::int')}
      FROM (${source}) x
     GROUP BY 1
     ORDER BY 1`;
}

/**
 * The optional filters, on the reference row of a given alias; `asOf` and the period are $1…$3,
 * the filters' values are added to `params` after them (and after `knownAt`, when live).
 */
function filters(query: InsertionQuery, params: unknown[]): (alias: string) => string {
  const parts: ((alias: string) => string)[] = [];
  if (query.region) {
    const n = params.push(query.region);
    parts.push((alias) => `${alias}.region_code = $${n}`);
  }
  if (query.course) {
    const n = params.push(query.course);
    parts.push((alias) => `${alias}.course_id = $${n}::uuid`);
  }
  if (query.session) {
    const n = params.push(query.session);
    parts.push((alias) => `${alias}.session_id = $${n}::uuid`);
  }
  return (alias) => (parts.length === 0 ? 'true' : parts.map((part) => part(alias)).join(' AND '));
}

/** The columns the aggregate reads, which the rollup's covering indexes hold. */
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
 * Which level of the rollup answers a query. The monthly level holds counts per month of
 * completion, region and one breakdown attribute, so it cannot select persons by course or
 * session: those filters read the detailed rows (one per completion), exact as well, slower.
 */
export type RollupLevel = 'monthly' | 'detailed';

export function rollupLevel(query: InsertionQuery): RollupLevel {
  return query.course || query.session ? 'detailed' : 'monthly';
}

/**
 * Reference rows are found by a filter, no DISTINCT: a person's first completion if it is in the
 * period, or a later one whose previous completion is before the period. The two halves are
 * disjoint (`prev_completed_on` null or not) and each has its index.
 */
function laterCompletions(where: string): string {
  return `x.prev_completed_on < $1::date AND x.completed_on BETWEEN $1::date AND $2::date AND ${where}`;
}

/** The aggregate over the rollup, from the monthly level when it can answer. */
export function rollupAggregate(query: InsertionQuery): { sql: string; params: unknown[] } {
  return rollupLevel(query) === 'monthly'
    ? monthlyRollupAggregate(query)
    : detailedRollupAggregate(query);
}

/** The aggregate over the detailed rows only (any filter). */
export function detailedRollupAggregate(query: InsertionQuery): {
  sql: string;
  params: unknown[];
} {
  const params: unknown[] = [query.from, query.to, query.asOf];
  const where = filters(query, params)('x');
  const source = `
    SELECT ${ROLLUP_COLUMNS} FROM insertion_rollup x
     WHERE x.prev_completed_on IS NULL AND x.completed_on BETWEEN $1::date AND $2::date AND ${where}
    UNION ALL
    SELECT ${ROLLUP_COLUMNS} FROM insertion_rollup x WHERE ${laterCompletions(where)}`;
  return { sql: aggregate(source, query), params };
}

/** The monthly level's dimension for a breakdown (`total` holds region and, by month, year). */
function monthlyDimension(groupBy: GroupBy | undefined, months: Horizon): MonthlyDimension {
  switch (groupBy) {
    case 'gender':
    case 'ageBand':
    case 'education':
    case 'course':
    case 'session':
      return groupBy;
    case 'kind':
      return `kind${months}`;
    default:
      return 'total';
  }
}

/** The group key of a monthly row `r` whose whole month is eligible or not (`eligible`). */
function monthlyGroupKey(groupBy: GroupBy | undefined, eligible: string): string {
  switch (groupBy) {
    case 'region':
      return `coalesce(r.region_code, 'unknown')`;
    case 'year':
      return `extract(year FROM r.month)::int::text`;
    case 'gender':
    case 'ageBand':
    case 'education':
      return `coalesce(r.group_key, 'unknown')`;
    case 'course':
    case 'session':
      return `r.group_key`;
    case 'kind':
      return `CASE WHEN ${eligible} THEN r.group_key ELSE 'unknown' END`;
    default:
      return `NULL::text`;
  }
}

/**
 * True when every completion of the month falls in [from, to] and is eligible on `asOf`, or
 * none is: then the monthly counts stand for its rows exactly. The reference date grows with
 * the completion date, so the last day's deciding "all eligible" and the first's "none" covers
 * every day between.
 */
const wholeMonth = (span: MonthSpan) =>
  `(${span.month} >= $1::date AND ${span.monthEnd} <= $2::date
    AND (${span.lastRefOn} <= $3::date OR ${span.firstRefOn} > $3::date))`;

/**
 * The aggregate from the monthly level, exact for any period and reference day: whole months
 * (see `wholeMonth`) come from `insertion_rollup_month`; the at most three months that are not
 * whole — the ones holding `from`, `to`, and the month N months before `asOf`, the only one the
 * eligibility limit can split (the API test checks this over every day of several years) — are
 * read from the detailed rows, as are later completions whose previous one precedes the period.
 * The split months' bounds depend on the parameters only, so PostgreSQL folds them into
 * constants and estimates each range (a misestimate here made it plan parallel workers).
 */
function monthlyRollupAggregate(query: InsertionQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [query.from, query.to, query.asOf];
  const m = query.months;
  const where = filters(query, params);
  const stored = storedSpan(m);
  const eligible = `${stored.lastRefOn} <= $3::date`;
  const candidates = ['$1::date', '$2::date', `($3::date - make_interval(months => ${m}))`].map(
    (day) => monthOf(day),
  );
  const splitMonths = candidates.map((month, index) => {
    const span = monthSpan(month, m);
    // A month is read once, under the first of the days it holds.
    const unseen = candidates.slice(0, index).map((earlier) => `${month} <> ${earlier}`);
    return `SELECT ${ROLLUP_COLUMNS} FROM insertion_rollup x
             WHERE x.prev_completed_on IS NULL
               AND x.completed_on BETWEEN greatest(${month}, $1::date) AND least(${span.monthEnd}, $2::date)
               AND NOT ${wholeMonth(span)} AND ${[...unseen, where('x')].join(' AND ')}`;
  });
  const sql = `
    SELECT key, sum(trained)::int AS trained, sum(eligible)::int AS eligible,
           sum(inserted)::int AS inserted, sum(employed)::int AS employed,
           sum(responded)::int AS responded
      FROM (
        SELECT ${monthlyGroupKey(query.groupBy, eligible)} AS key,
               sum(r.persons) AS trained,
               coalesce(sum(r.persons) FILTER (WHERE ${eligible}), 0) AS eligible,
               coalesce(sum(r.inserted_${m}) FILTER (WHERE ${eligible}), 0) AS inserted,
               coalesce(sum(r.employed_${m}) FILTER (WHERE ${eligible}), 0) AS employed,
               coalesce(sum(r.responded_${m}) FILTER (WHERE ${eligible}), 0) AS responded
          FROM insertion_rollup_month r
         WHERE r.dimension = '${monthlyDimension(query.groupBy, m)}' AND ${wholeMonth(stored)}
           AND ${where('r')}
         GROUP BY 1
        UNION ALL
        SELECT ${groupKey(query.groupBy, m)} AS key,
               ${rowCounts(m)}
          FROM (${splitMonths.join('\n UNION ALL\n ')}
                UNION ALL
                SELECT ${ROLLUP_COLUMNS} FROM insertion_rollup x WHERE ${laterCompletions(where('x'))}
          ) x
         GROUP BY 1
      ) c
     GROUP BY key
     ORDER BY key`;
  return { sql, params };
}

/** The end of the `asOf` day in Morocco: a fact dated after it had not happened on it. */
const AS_OF_END = `(($3::date + 1)::timestamp AT TIME ZONE '${MOROCCO_TIME_ZONE}')`;

/**
 * The same aggregate from the raw tables, for any reference day and instant of knowledge: facts
 * by their own dates up to the end of `asOf` (completions in the period, revocations), and with
 * `knownAt` ($4) only the rows recorded and validated by then (completion validations,
 * placement versions, revocations, follow-up answers).
 */
export function liveAggregate(query: InsertionQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [query.from, query.to, query.asOf];
  const knownAt =
    query.knownAt === undefined ? null : `$${params.push(query.knownAt)}::timestamptz`;
  const where = filters(query, params)('x');
  const m = query.months;
  const refOn = referenceDate('r.completed_on', m);
  const knowledge = { asOfEnd: AS_OF_END, knownAt };
  const source = `
    SELECT r.*, u.gender, ${ageBandSql('u.birth_year', 'r.training_start')} AS age_band,
           ${refOn} AS ref_on_${m},
           h_f.inserted AS inserted_${m}, h_f.employed AS employed_${m},
           h_f.responded AS responded_${m}, h_k.kind AS kind_${m}
      FROM (SELECT DISTINCT ON (q.user_id) q.*
              FROM (${qualifyingCompletions(knowledge, 'e.completed_on BETWEEN $1::date AND $2::date')}) q
             ORDER BY q.user_id, q.completed_on, q.training_start, q.enrollment_id) r
      JOIN users u ON u.id = r.user_id
      ${situationLateral({ alias: 'h', refOn, horizon: m, knownAt })}`;
  // The optional filters apply to the reference row, as on the rollup.
  return { sql: aggregate(`SELECT * FROM (${source}) x WHERE ${where}`, query), params };
}
