import type { ApiError, ApiErrorKind } from '@oris/shared/api-client';

// The API's enrollment codes a trainee can meet, worded in the interface language (its own
// titles are in English).
const CODE_KEYS: Readonly<Record<string, string>> = {
  already_enrolled: 'learning.problems.alreadyEnrolled',
  session_cancelled: 'learning.problems.sessionCancelled',
  session_not_open: 'learning.problems.sessionNotOpen',
  enrollment_not_yet_open: 'learning.problems.notYetOpen',
  enrollment_closed: 'learning.problems.closed',
  course_not_published: 'learning.problems.courseNotPublished',
  trainee_role_required: 'learning.problems.traineesOnly',
  email_not_confirmed: 'learning.problems.emailNotConfirmed',
  withdrawal_not_allowed: 'learning.problems.withdrawalNotAllowed',
  illegal_transition: 'learning.problems.illegalTransition',
  seat_not_confirmed: 'learning.problems.seatNotConfirmed',
  enrollment_not_found: 'learning.problems.enrollmentNotFound',
  session_not_found: 'learning.problems.sessionNotFound',
  module_not_found: 'learning.problems.moduleNotFound',
  idempotency_key_in_flight: 'learning.problems.inFlight',
};

/** `messageKeys` for `<oris-problem-alert>`: a translated message for a known enrollment problem. */
export function learningMessageKeys(error: ApiError | null): Partial<Record<ApiErrorKind, string>> {
  const key = error?.code ? CODE_KEYS[error.code] : undefined;
  return error && key ? { [error.kind]: key } : {};
}
