import type { ApiError, ApiErrorKind } from '@oris/shared/api-client';
import { learningMessageKeys } from '../shared/problem-keys';

const CODE_KEYS: Readonly<Record<string, string>> = {
  assignment_not_found: 'assignments.problems.notFound',
  submission_not_editable: 'assignments.problems.notEditable',
  submission_empty: 'assignments.problems.empty',
  past_due: 'assignments.problems.pastDue',
  file_empty: 'assignments.problems.fileEmpty',
  file_too_large: 'assignments.problems.fileTooLarge',
  file_type_not_allowed: 'assignments.problems.fileType',
  too_many_files: 'assignments.problems.tooManyFiles',
  files_not_accepted: 'assignments.problems.filesNotAccepted',
};

/** `messageKeys` for `<oris-problem-alert>`: assignment problems, then the enrollment ones. */
export function assignmentMessageKeys(
  error: ApiError | null,
): Partial<Record<ApiErrorKind, string>> {
  const key = error?.code ? CODE_KEYS[error.code] : undefined;
  return error && key ? { [error.kind]: key } : learningMessageKeys(error);
}
