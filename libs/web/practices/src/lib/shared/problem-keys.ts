import type { ApiError, ApiErrorKind } from '@oris/shared/api-client';

// The API's practice codes worded in the interface language.
const CODE_KEYS: Readonly<Record<string, string>> = {
  practice_not_found: 'practices.problems.notFound',
  practice_version_not_found: 'practices.problems.notFound',
  practice_comment_not_found: 'practices.problems.notFound',
  practice_attachment_not_found: 'practices.problems.notFound',
  practice_slug_taken: 'practices.problems.slugTaken',
  practice_transition_invalid: 'practices.problems.transition',
  practice_not_editable: 'practices.problems.notEditable',
  practice_incomplete: 'practices.problems.requiredMissing',
  practice_reviewer_is_author: 'practices.problems.reviewerIsAuthor',
  practice_evidence_missing: 'practices.problems.evidenceMissing',
  practice_version_required: 'practices.problems.conflict',
  practice_edited_meanwhile: 'practices.problems.conflict',
  practice_precondition_failed: 'practices.problems.conflict',
  practice_link_unknown: 'practices.problems.linkUnknown',
  practice_file_type_unsupported: 'practices.problems.fileType',
  practice_file_too_large: 'practices.problems.fileTooLarge',
  practice_file_empty: 'practices.problems.fileEmpty',
  practice_attachments_too_many: 'practices.problems.attachmentsTooMany',
};

/** Someone else saved the sheet since it was opened (409 or a failed `If-Match`, 412). */
export const isConflict = (error: ApiError | null): boolean =>
  !!error && (error.status === 409 || error.status === 412);

/** `messageKeys` for `<oris-problem-alert>`: a translated message for a known practice problem. */
export function practiceMessageKeys(error: ApiError | null): Partial<Record<ApiErrorKind, string>> {
  if (!error) return {};
  if (error.status === 413) return { [error.kind]: 'practices.problems.fileTooLarge' };
  if (error.status === 415) return { [error.kind]: 'practices.problems.fileType' };
  const key = error.code ? CODE_KEYS[error.code] : undefined;
  return key ? { [error.kind]: key } : {};
}
