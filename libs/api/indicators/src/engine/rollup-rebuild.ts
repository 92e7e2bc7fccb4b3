import { FOLLOWUP_HORIZONS as HORIZONS } from '@oris/shared/domain';
import {
  ageBandSql,
  EVERYTHING_KNOWN,
  qualifyingCompletions,
  referenceDate,
  situationLateral,
} from './insertion-sql';
import {
  MONTHLY_DIMENSIONS,
  type MonthlyDimension,
  monthEnd,
  monthOf,
  monthSpan,
} from './rollup-month';

/** The detailed rows, one per qualifying completion, from everything recorded now. */
function detailedRebuild(): string {
  const columns: string[] = [];
  const laterals: string[] = [];
  for (const h of HORIZONS) {
    const refOn = referenceDate('r.completed_on', h);
    laterals.push(situationLateral({ alias: `h${h}`, refOn, horizon: h, knownAt: null }));
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
              FROM (${qualifyingCompletions(EVERYTHING_KNOWN)}) q) r
      JOIN users u ON u.id = r.user_id
      ${laterals.join('\n')}`;
}

/**
 * The monthly level from the detailed rows: first completions only (a person's earliest, the
 * reference row of every period starting before it), counted per month of completion, region
 * and one breakdown attribute, with the persons inserted, employed and responded at each
 * horizon. One pass: a grouping set per dimension, `GROUPING()` saying which made the row.
 */
function monthlyRebuild(): string {
  const dimensions = Object.entries(MONTHLY_DIMENSIONS) as [MonthlyDimension, string | null][];
  const keyed = dimensions.filter(
    (entry): entry is [MonthlyDimension, string] => entry[1] !== null,
  );
  const whichSet = keyed.map(([name, column]) => `WHEN GROUPING(${column}) = 0 THEN '${name}'`);
  const keyOfSet = keyed.map(([, column]) => `WHEN GROUPING(${column}) = 0 THEN ${column}`);
  const sets = dimensions.map(([, column]) =>
    column === null ? '(month, region_code)' : `(month, region_code, ${column})`,
  );
  const spans = HORIZONS.map((h) => monthSpan('month', h));
  const counts = HORIZONS.flatMap((h) =>
    ['inserted', 'employed', 'responded'].map((flag) => `count(*) FILTER (WHERE ${flag}_${h})`),
  );
  return `
    INSERT INTO insertion_rollup_month (dimension, month, region_code, group_key, month_end,
      ${HORIZONS.map((h) => `first_ref_on_${h}, last_ref_on_${h}`).join(', ')}, persons,
      ${HORIZONS.map((h) => `inserted_${h}, employed_${h}, responded_${h}`).join(', ')})
    SELECT CASE ${whichSet.join(' ')} ELSE 'total' END, month, region_code,
           CASE ${keyOfSet.join(' ')} END, ${monthEnd('month')},
           ${spans.map((span) => `${span.firstRefOn}, ${span.lastRefOn}`).join(', ')},
           count(*), ${counts.join(', ')}
      FROM (SELECT ${monthOf('completed_on')} AS month, * FROM insertion_rollup
             WHERE prev_completed_on IS NULL) x
     GROUP BY GROUPING SETS (${sets.join(', ')})`;
}

/**
 * Rebuilds both levels from the current state (the worker's refresh), to run in one transaction:
 * the detailed rows, then the monthly level from them. DELETE rather than TRUNCATE: readers keep
 * the previous rows until the commit instead of waiting for it. The rebuild's sorts and grouping
 * sets would spill to disk with the default 4 MB of work memory; one rebuild runs at a time.
 */
export function rollupRebuildStatements(): string[] {
  return [
    `SET LOCAL work_mem = '64MB'`,
    'DELETE FROM insertion_rollup',
    detailedRebuild(),
    'DELETE FROM insertion_rollup_month',
    monthlyRebuild(),
  ];
}
