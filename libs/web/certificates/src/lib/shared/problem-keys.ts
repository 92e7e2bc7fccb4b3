import type { ApiError, ApiErrorKind } from '@oris/shared/api-client';

// The API's certificate codes worded in the interface language (its own titles are in English).
const CODE_KEYS: Readonly<Record<string, string>> = {
  certificate_not_found: 'certificates.problems.notFound',
  enrollment_not_found: 'certificates.problems.notFound',
  session_not_found: 'certificates.problems.notFound',
  job_not_found: 'certificates.problems.notFound',
  enrollment_not_completed: 'certificates.problems.notCompleted',
  email_not_confirmed: 'certificates.problems.emailNotConfirmed',
  certificate_not_rendered: 'certificates.problems.notRendered',
  certificate_already_revoked: 'certificates.problems.alreadyRevoked',
  pdf_file_required: 'certificates.problems.fileRequired',
  credential_required: 'certificates.problems.credentialRequired',
  credential_malformed: 'certificates.problems.credentialMalformed',
};

/** `messageKeys` for `<oris-problem-alert>`: a translated message for a known certificate problem. */
export function certificateMessageKeys(
  error: ApiError | null,
): Partial<Record<ApiErrorKind, string>> {
  const key = error?.code ? CODE_KEYS[error.code] : undefined;
  return error && key ? { [error.kind]: key } : {};
}
