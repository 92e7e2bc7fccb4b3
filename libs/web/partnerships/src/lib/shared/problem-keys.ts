import type { ApiError, ApiErrorKind } from '@oris/shared/api-client';

// The API's partnership codes worded in the interface language (its own titles are in English).
const CODE_KEYS: Readonly<Record<string, string>> = {
  partnership_not_found: 'partnerships.problems.notFound',
  partnership_party_not_found: 'partnerships.problems.notFound',
  partnership_unknown_organisation: 'partnerships.problems.unknownOrganisation',
  partnership_duplicate_party: 'partnerships.problems.duplicateParty',
  partnership_invalid_parent: 'partnerships.problems.invalidParent',
  partnership_has_members: 'partnerships.problems.hasMembers',
  partnership_invalid_dates: 'partnerships.problems.invalidDates',
  partnership_invalid_renewal: 'partnerships.problems.invalidRenewal',
  partnership_contribution_party: 'partnerships.problems.contributionParty',
  partnership_signed_party_removed: 'partnerships.problems.signedPartyRemoved',
  partnership_signature_in_future: 'partnerships.problems.signatureInFuture',
  partnership_already_signed: 'partnerships.problems.alreadySigned',
  partnership_already_terminated: 'partnerships.problems.alreadyTerminated',
  partnership_no_document: 'partnerships.problems.noDocument',
  partnership_invalid_document: 'partnerships.problems.invalidDocument',
};

/** `messageKeys` for `<oris-problem-alert>`: a translated message for a known problem. */
export function partnershipMessageKeys(
  error: ApiError | null,
): Partial<Record<ApiErrorKind, string>> {
  const key = error?.code ? CODE_KEYS[error.code] : undefined;
  return error && key ? { [error.kind]: key } : {};
}
