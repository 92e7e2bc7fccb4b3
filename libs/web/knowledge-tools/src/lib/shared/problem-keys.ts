import type { ApiError, ApiErrorKind } from '@oris/shared/api-client';

// The API's knowledge-tool codes worded in the interface language.
const CODE_KEYS: Readonly<Record<string, string>> = {
  tool_not_found: 'tools.problems.notFound',
  tool_version_not_found: 'tools.problems.notFound',
  tool_version_number_taken: 'tools.problems.numberTaken',
  tool_already_validated: 'tools.problems.alreadyValidated',
  tool_not_validatable: 'tools.problems.notValidatable',
  tool_file_type_unsupported: 'tools.problems.fileType',
  tool_file_too_large: 'tools.problems.fileTooLarge',
  tool_file_empty: 'tools.problems.fileEmpty',
  tool_course_unknown: 'tools.problems.unknownCourse',
};

/** `messageKeys` for `<oris-problem-alert>`: a translated message for a known tool problem. */
export function toolMessageKeys(error: ApiError | null): Partial<Record<ApiErrorKind, string>> {
  const key = error?.code ? CODE_KEYS[error.code] : undefined;
  if (error?.status === 413) return { [error.kind]: 'tools.problems.fileTooLarge' };
  return error && key ? { [error.kind]: key } : {};
}
