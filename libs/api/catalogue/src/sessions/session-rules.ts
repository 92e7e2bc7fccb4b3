import type { FieldError } from '@oris/api/platform';
import { dayInMorocco } from '@oris/shared/domain';

export interface SessionPlan {
  startsOn: string;
  endsOn: string;
  enrollmentOpensOn: string;
  enrollmentClosesOn: string;
  venue: string | null;
  onlineUrl: string | null;
  meetings: { startsAt: Date; endsAt: Date }[];
}

export interface PlanContext {
  today: string;
  /** Check that the session does not start in the past (trainers; administrators record past cohorts). */
  refusePast: boolean;
}

/** Default enrollment window: from today (or the start, if earlier) to the first day. */
export const defaultWindow = (startsOn: string, today: string) => ({
  enrollmentOpensOn: startsOn < today ? startsOn : today,
  enrollmentClosesOn: startsOn,
});

/**
 * What is wrong with a session's dates and place, as field errors (empty when all is well).
 * Dates are 'YYYY-MM-DD', so they compare as text.
 */
export function sessionPlanProblems(plan: SessionPlan, context: PlanContext): FieldError[] {
  const problems: FieldError[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (context.refusePast && plan.startsOn < context.today) {
    problem(
      'startsOn',
      'startsOn must be today or later (only administrators record past sessions)',
    );
  }
  if (plan.endsOn < plan.startsOn) problem('endsOn', 'endsOn must be on or after startsOn');
  if (plan.enrollmentClosesOn > plan.endsOn) {
    problem('closesOn', 'closesOn must be on or before endsOn');
  }
  if (plan.enrollmentOpensOn > plan.enrollmentClosesOn) {
    problem('opensOn', 'opensOn must be on or before closesOn');
  }
  if (plan.venue === null && plan.onlineUrl === null) {
    problem('venue', 'a session needs a venue, an onlineUrl, or both');
  }
  plan.meetings.forEach(({ startsAt, endsAt }, index) => {
    if (endsAt <= startsAt) problem(`meetings.${index}.endsAt`, 'endsAt must be after startsAt');
    const day = dayInMorocco(startsAt);
    if (day < plan.startsOn || day > plan.endsOn) {
      problem(`meetings.${index}.startsAt`, 'a meeting must fall within the session’s days');
    }
  });
  return problems;
}
