import type { ApiError, ApiErrorKind } from '@oris/shared/api-client';

// The API's catalogue codes worded in the interface language (its own titles are in English).
const CODE_KEYS: Readonly<Record<string, string>> = {
  course_code_taken: 'catalogue.problems.courseCodeTaken',
  illegal_transition: 'catalogue.problems.illegalTransition',
  no_published_module: 'catalogue.problems.noPublishedModule',
  course_archived: 'catalogue.problems.courseArchived',
  course_not_published: 'catalogue.problems.courseNotPublished',
  module_order_mismatch: 'catalogue.problems.moduleOrderMismatch',
  capacity_below_confirmed: 'catalogue.problems.capacityBelowConfirmed',
  session_ended: 'catalogue.problems.sessionEnded',
  not_course_owner: 'catalogue.problems.notCourseOwner',
  not_session_trainer: 'catalogue.problems.notSessionTrainer',
  owners_admin_only: 'catalogue.problems.notCourseOwner',
  course_not_found: 'catalogue.problems.notFound',
  module_not_found: 'catalogue.problems.notFound',
  session_not_found: 'catalogue.problems.notFound',
};

/** `messageKeys` for `<oris-problem-alert>`: a translated message for a known catalogue problem. */
export function catalogueMessageKeys(
  error: ApiError | null,
): Partial<Record<ApiErrorKind, string>> {
  const key = error?.code ? CODE_KEYS[error.code] : undefined;
  return error && key ? { [error.kind]: key } : {};
}
