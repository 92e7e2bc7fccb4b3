import { mayAttestCompletion } from '@oris/shared/domain';
import type {
  CompletionEvaluation,
  CompletionRecording,
  CriterionOutcome,
} from '@oris/shared/domain';
import { EnrollmentErrorCode, EnrollmentException } from '../enrollment.exception';

export type CompletionDecision =
  /** The platform's records meet the course's rule. */
  | { outcome: 'met' }
  /** They do not, and an administrator vouches for a session that has ended. */
  | { outcome: 'attested'; unmet: CriterionOutcome[] }
  | { outcome: 'refused'; unmet: CriterionOutcome[] };

/**
 * The one rule for recording a completion, for the completion route (and so the web form) and
 * the CSV import alike. The course's rule decides while the platform holds the facts it checks.
 * A past cohort trained before the platform existed (or kept its progress elsewhere) has none: an
 * administrator recording the completion of a session that has ended attests it instead, and
 * the enrollment says so. Trainers, and sessions still running, keep the course's rule.
 */
export function decideCompletion(
  evaluation: CompletionEvaluation,
  recording: CompletionRecording,
): CompletionDecision {
  if (evaluation.met) return { outcome: 'met' };
  return mayAttestCompletion(recording)
    ? { outcome: 'attested', unmet: evaluation.unmet }
    : { outcome: 'refused', unmet: evaluation.unmet };
}

/** A refused completion as the API answers it: 409 naming the first unmet criterion. */
export function unmetCompletion(unmet: CriterionOutcome[]): EnrollmentException {
  const [first] = unmet;
  const code =
    first.criterion === 'required_modules'
      ? EnrollmentErrorCode.RequiredModulesIncomplete
      : first.criterion === 'quizzes_passed'
        ? EnrollmentErrorCode.QuizNotPassed
        : first.criterion === 'assignments_passed'
          ? EnrollmentErrorCode.AssignmentNotPassed
          : EnrollmentErrorCode.AttendanceBelowThreshold;
  const detail = unmet.map((outcome) => `${outcome.criterion}: ${outcome.detail}`).join('; ');
  return new EnrollmentException(code, `Not met — ${detail}.`);
}

/** What the audit trail keeps of an attestation: the criteria the records did not meet. */
export const unmetCriteriaNames = (unmet: CriterionOutcome[]): string =>
  unmet.map((outcome) => outcome.criterion).join(',');
