import { Pipe, type PipeTransform } from '@angular/core';
import {
  type EnrollmentStatus,
  evaluateCompletion,
  holdsSeat,
  isEarlyCompletion,
  type Locale,
  percentOf,
} from '@oris/shared/domain';
import type { CompletionRule } from '@oris/web/core';
import { intlLocale } from '@oris/web/ui';
import type { Enrollment, EnrollmentDetail } from '../shared/teaching-types';

/** A name as the reader's language writes it, when the person gave it. */
export function displayName(
  person: { fullName: string; fullNameAr: string | null },
  language: Locale,
): string {
  return language === 'ar' && person.fullNameAr ? person.fullNameAr : person.fullName;
}

export type EnrollmentAction = 'approve' | 'reject' | 'complete' | 'notCompleted' | 'withdraw';

/**
 * What the session's staff may do with an enrollment in this status, as the API allows it:
 * approve or reject a request; validate or refuse completion of a seat holder (a "not completed"
 * one may still complete); withdraw someone still taking part (administrators only).
 */
export function enrollmentActions(status: EnrollmentStatus, admin: boolean): EnrollmentAction[] {
  const withdraw: EnrollmentAction[] = admin ? ['withdraw'] : [];
  switch (status) {
    case 'pending':
      return ['approve', 'reject'];
    case 'confirmed':
      return ['complete', 'notCompleted', ...withdraw];
    case 'not_completed':
      return ['complete'];
    case 'waitlisted':
      return withdraw;
    default:
      return [];
  }
}

export interface SessionCounts {
  /** Seats held (confirmed, completed, not completed), as the session counts them. */
  seats: number;
  capacity: number;
  waitlisted: number;
  pending: number;
}

/**
 * The counts after one enrollment moved from `before` to `after`. A seat given back while people
 * wait goes to the first of them in the same transaction, so the seats stay and the queue shrinks.
 */
export function countsAfter(
  counts: SessionCounts,
  before: EnrollmentStatus,
  after: EnrollmentStatus,
): SessionCounts {
  const change = (test: (status: EnrollmentStatus) => boolean) =>
    (test(after) ? 1 : 0) - (test(before) ? 1 : 0);
  const next: SessionCounts = {
    ...counts,
    seats: counts.seats + change(holdsSeat),
    waitlisted: counts.waitlisted + change((status) => status === 'waitlisted'),
    pending: counts.pending + change((status) => status === 'pending'),
  };
  if (next.seats < counts.seats && next.waitlisted > 0) {
    return { ...next, seats: next.seats + 1, waitlisted: next.waitlisted - 1 };
  }
  return next;
}

/** Whether a withdrawal moved someone else: the freed seat went to the first one waiting. */
export const promotesFromWaitlist = (counts: SessionCounts, before: EnrollmentStatus): boolean =>
  holdsSeat(before) && counts.waitlisted > 0;

export interface UnmetLine {
  key: string;
  params: Record<string, number>;
}

/**
 * The unmet criteria of a refused completion, with their figures, to be said in the reader's
 * language (the API's own detail is English). The course's threshold completes the check.
 */
export function unmetCriteria(detail: EnrollmentDetail, rule: CompletionRule | null): UnmetLine[] {
  const check = detail.completionCheck;
  return check.criteria
    .filter((outcome) => !outcome.met)
    .flatMap((outcome): UnmetLine[] => {
      if (outcome.criterion === 'required_modules') {
        return [
          {
            key: 'teaching.enrollments.completion.unmet.modules',
            params: { done: detail.progress.requiredDone, total: detail.progress.requiredTotal },
          },
        ];
      }
      if (outcome.criterion === 'attendance') {
        const required = rule?.minAttendancePercent ?? 0;
        return [
          {
            key: 'teaching.enrollments.completion.unmet.attendance',
            params: {
              attended: check.meetingsAttended,
              held: check.meetingsHeld,
              percent: percentOf(check.meetingsAttended, check.meetingsHeld),
              required,
            },
          },
        ];
      }
      if (outcome.criterion === 'quizzes_passed') {
        return [{ key: 'quiz.completion.unmet', params: {} }];
      }
      if (outcome.criterion === 'assignments_passed') {
        return [{ key: 'assignments.completion.unmet', params: {} }];
      }
      return [];
    });
}

export function formatPercent(value: number, language: Locale): string {
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(value / 100);
}

/** A whole percent in the reader's language ("75 %", "75%"). */
@Pipe({ name: 'orisPercent' })
export class PercentPipe implements PipeTransform {
  transform(value: number, language: Locale): string {
    return formatPercent(value, language);
  }
}

/** Whether validating an enrollment's completion now would be accepted, said before clicking. */
export interface CompletionReadiness {
  /** The course's rule is met by the records (progress and attendance). */
  met: boolean;
  /** What is missing, in the reader's language (`UnmetLine` keys). */
  unmet: UnmetLine[];
  /** The session's last meeting has not started: validating needs a reason (`isEarlyCompletion`). */
  early: boolean;
}

/**
 * The staff list's "who meets the rule": the same shared rules the API decides with
 * (`evaluateCompletion`, `isEarlyCompletion`), from the row's progress, the attendance sheet and
 * the session's meetings. Null for enrollments that are not to be validated (not holding a seat,
 * or already completed).
 */
export function completionReadiness(
  enrollment: Pick<Enrollment, 'status' | 'progress'>,
  rule: CompletionRule | null,
  attendance: { attended: number; held: number } | undefined,
  lastMeetingStartsAt: string | null,
  now: Date,
): CompletionReadiness | null {
  if (enrollment.status !== 'confirmed' && enrollment.status !== 'not_completed') return null;
  if (!rule) return null;
  const held = attendance?.held ?? 0;
  const attended = attendance?.attended ?? 0;
  const evaluation = evaluateCompletion(
    {
      requiresModules: rule.requiredModules,
      minAttendancePercent: rule.minAttendancePercent,
      requiresTrainerValidation: rule.trainerValidation,
    },
    {
      requiredModules: enrollment.progress.requiredTotal,
      requiredModulesDone: enrollment.progress.requiredDone,
      meetingsHeld: held,
      meetingsAttended: attended,
    },
  );
  const unmet = evaluation.unmet.flatMap((outcome): UnmetLine[] =>
    outcome.criterion === 'required_modules'
      ? [
          {
            key: 'teaching.enrollments.completion.unmet.modules',
            params: {
              done: enrollment.progress.requiredDone,
              total: enrollment.progress.requiredTotal,
            },
          },
        ]
      : outcome.criterion === 'attendance'
        ? [
            {
              key: 'teaching.enrollments.completion.unmet.attendance',
              params: {
                attended,
                held,
                percent: percentOf(attended, held),
                required: rule.minAttendancePercent ?? 0,
              },
            },
          ]
        : [],
  );
  return {
    met: evaluation.met,
    unmet,
    early: isEarlyCompletion(lastMeetingStartsAt, now),
  };
}

/** When the last of the meetings starts (ISO), or null without meetings. */
export const lastMeetingStart = (meetings: readonly { startsAt: string }[]): string | null =>
  meetings.reduce<string | null>(
    (last, meeting) =>
      last === null || Date.parse(meeting.startsAt) > Date.parse(last) ? meeting.startsAt : last,
    null,
  );
