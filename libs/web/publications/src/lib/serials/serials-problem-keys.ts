import type { ApiError, ApiErrorKind } from '@oris/shared/api-client';

// The API's serial codes worded in the interface language (its own titles are in English).
const CODE_KEYS: Readonly<Record<string, string>> = {
  serial_not_found: 'serials.problems.notFound',
  index_not_found: 'serials.problems.notFound',
  issn_invalid: 'serials.problems.issnInvalid',
  issn_taken: 'serials.problems.issnTaken',
  coverage_years_invalid: 'serials.problems.yearsInvalid',
  coverage_evidence_required: 'serials.problems.evidenceRequired',
  coverage_evidence_file_invalid: 'serials.problems.evidenceFileInvalid',
  coverage_import_file_required: 'serials.problems.importFileRequired',
  coverage_import_file_invalid: 'serials.problems.importFileInvalid',
  coverage_import_file_too_large: 'serials.problems.importFileTooLarge',
  coverage_import_format_unknown: 'serials.problems.importFormatUnknown',
};

/** `messageKeys` for `<oris-problem-alert>`: a translated message for a known serial problem. */
export function serialsMessageKeys(error: ApiError | null): Partial<Record<ApiErrorKind, string>> {
  const key = error?.code ? CODE_KEYS[error.code] : undefined;
  return error && key ? { [error.kind]: key } : {};
}
