import type { ApiError, ApiErrorKind } from '@oris/shared/api-client';

// The API's publication codes worded in the interface language (its own titles are in English).
const CODE_KEYS: Readonly<Record<string, string>> = {
  publication_not_found: 'publications.problems.notFound',
  publication_doi_taken: 'publications.problems.doiTaken',
  publication_not_editable: 'publications.problems.notEditable',
  publication_already_validated: 'publications.problems.alreadyValidated',
  publication_withdrawn: 'publications.problems.withdrawn',
  publication_merged: 'publications.problems.merged',
  publication_merge_refused: 'publications.problems.mergeRefused',
  unknown_serial: 'publications.problems.unknownSerial',
  publication_import_unreadable: 'publications.problems.importUnreadable',
  publication_import_too_large: 'publications.problems.importTooLarge',
};

/** `messageKeys` for `<oris-problem-alert>`: a translated message for a known publication problem. */
export function publicationMessageKeys(
  error: ApiError | null,
): Partial<Record<ApiErrorKind, string>> {
  const key = error?.code ? CODE_KEYS[error.code] : undefined;
  return error && key ? { [error.kind]: key } : {};
}
