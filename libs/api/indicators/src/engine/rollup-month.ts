import { type FollowupHorizon as Horizon } from '@oris/shared/domain';
import { referenceDate } from './insertion-sql';

// The monthly level of the rollup (`insertion_rollup_month`): which breakdowns it holds and how a
// month of completions is spanned. The rebuild writes these rows and the reads rely on them, so
// both take their shape from here.

/**
 * The monthly level's breakdowns and the detailed column each groups by (`total`: none, the
 * region and the month being in every row). Kinds depend on the horizon: one per horizon.
 */
export const MONTHLY_DIMENSIONS = {
  total: null,
  gender: 'gender',
  ageBand: 'age_band',
  education: 'education_level',
  course: 'course_id::text',
  session: 'session_id::text',
  kind6: 'kind_6',
  kind9: 'kind_9',
  kind12: 'kind_12',
} as const;
export type MonthlyDimension = keyof typeof MONTHLY_DIMENSIONS;

export const monthEnd = (month: string) => `((${month} + interval '1 month')::date - 1)`;
export const monthOf = (day: string) => `date_trunc('month', (${day})::timestamp)::date`;

/** A month of completions: its first and last days, and their reference dates at a horizon. */
export interface MonthSpan {
  month: string;
  monthEnd: string;
  firstRefOn: string;
  lastRefOn: string;
}

/** The span of the month starting on `month` (an SQL date), computed. */
export const monthSpan = (month: string, months: Horizon): MonthSpan => ({
  month,
  monthEnd: monthEnd(month),
  firstRefOn: referenceDate(month, months),
  lastRefOn: referenceDate(monthEnd(month), months),
});

/** The span of a monthly row `r`, as the rebuild stored it (`monthSpan` of its month). */
export const storedSpan = (months: Horizon): MonthSpan => ({
  month: 'r.month',
  monthEnd: 'r.month_end',
  firstRefOn: `r.first_ref_on_${months}`,
  lastRefOn: `r.last_ref_on_${months}`,
});
