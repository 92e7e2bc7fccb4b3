import type { ApiError, ApiErrorKind } from '@oris/shared/api-client';

// The API's practice codes worded in the interface language.
const CODE_KEYS: Readonly<Record<string, string>> = {
  practice_not_found: 'practices.problems.notFound',
  practice_transition_not_allowed: 'practices.problems.transition',
  practice_required_fields_missing: 'practices.problems.requiredMissing',
  practice_reviewer_is_author: 'practices.problems.reviewerIsAuthor',
  practice_evidence_missing: 'practices.problems.evidenceMissing',
  practice_version_conflict: 'practices.problems.conflict',
  practice_attachment_type_unsupported: 'practices.problems.fileType',
  practice_attachment_too_large: 'practices.problems.fileTooLarge',
};

/** Someone else saved the sheet since it was opened (409 or a failed `If-Match`, 412). */
export const isConflict = (error: ApiError | null): boolean =>
  !!error && (error.status === 409 || error.status === 412);

/** `messageKeys` for `<oris-problem-alert>`: a translated message for a known practice problem. */
export function practiceMessageKeys(error: ApiError | null): Partial<Record<ApiErrorKind, string>> {
  if (!error) return {};
  if (error.status === 413) return { [error.kind]: 'practices.problems.fileTooLarge' };
  const key = error.code ? CODE_KEYS[error.code] : undefined;
  return key ? { [error.kind]: key } : {};
}
