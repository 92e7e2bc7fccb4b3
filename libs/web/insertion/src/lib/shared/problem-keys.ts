import type { ApiError, ApiErrorKind } from '@oris/shared/api-client';

// The API's placement codes worded in the interface language (its own titles are in English).
const CODE_KEYS: Readonly<Record<string, string>> = {
  placement_not_found: 'insertion.problems.notFound',
  person_not_found: 'insertion.problems.notFound',
  organisation_not_found: 'insertion.problems.notFound',
  unknown_person: 'insertion.problems.unknownPerson',
  person_not_trained: 'insertion.problems.notTrained',
  unknown_organisation: 'insertion.problems.unknownOrganisation',
  enrollment_mismatch: 'insertion.problems.enrollmentMismatch',
  organisation_name_taken: 'insertion.problems.organisationNameTaken',
  followup_not_found: 'insertion.problems.followupNotFound',
  followup_already_answered: 'insertion.problems.followupAlreadyAnswered',
};

/** `messageKeys` for `<oris-problem-alert>`: a translated message for a known placement problem. */
export function insertionMessageKeys(
  error: ApiError | null,
): Partial<Record<ApiErrorKind, string>> {
  const key = error?.code ? CODE_KEYS[error.code] : undefined;
  return error && key ? { [error.kind]: key } : {};
}
