import { HttpStatus } from '@nestjs/common';
import { DomainException } from '@oris/api/platform';

export enum CertificateErrorCode {
  CertificateNotFound = 'certificate_not_found',
  EnrollmentNotFound = 'enrollment_not_found',
  SessionNotFound = 'session_not_found',
  JobNotFound = 'job_not_found',
  EnrollmentNotCompleted = 'enrollment_not_completed',
  EmailNotConfirmed = 'email_not_confirmed',
  NotRendered = 'certificate_not_rendered',
  PdfErased = 'certificate_pdf_erased',
  AlreadyRevoked = 'certificate_already_revoked',
  AlreadyReplaced = 'certificate_already_replaced',
  RateLimited = 'rate_limited',
  FileRequired = 'pdf_file_required',
  CredentialRequired = 'credential_required',
  CredentialMalformed = 'credential_malformed',
  StatusListNotFound = 'status_list_not_found',
}

/** The one place where certificate codes get their HTTP status and title. */
const PROBLEMS: Record<CertificateErrorCode, { status: HttpStatus; title: string }> = {
  [CertificateErrorCode.CertificateNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Certificate not found',
  },
  [CertificateErrorCode.EnrollmentNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Enrollment not found',
  },
  [CertificateErrorCode.SessionNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Session not found',
  },
  [CertificateErrorCode.JobNotFound]: { status: HttpStatus.NOT_FOUND, title: 'Job not found' },
  [CertificateErrorCode.EnrollmentNotCompleted]: {
    status: HttpStatus.CONFLICT,
    title: 'A certificate is issued only for a completed enrollment',
  },
  [CertificateErrorCode.EmailNotConfirmed]: {
    status: HttpStatus.CONFLICT,
    title: 'The holder has not confirmed their email address yet',
  },
  [CertificateErrorCode.NotRendered]: {
    status: HttpStatus.CONFLICT,
    title: 'The certificate’s PDF is not ready yet',
  },
  [CertificateErrorCode.PdfErased]: {
    status: HttpStatus.GONE,
    title: 'The holder had their data erased, and the PDF with it',
  },
  [CertificateErrorCode.AlreadyRevoked]: {
    status: HttpStatus.CONFLICT,
    title: 'The certificate is already revoked',
  },
  [CertificateErrorCode.AlreadyReplaced]: {
    status: HttpStatus.CONFLICT,
    title: 'The certificate was already replaced by a re-issue',
  },
  [CertificateErrorCode.FileRequired]: {
    status: HttpStatus.BAD_REQUEST,
    title: 'A PDF file is required',
  },
  [CertificateErrorCode.CredentialRequired]: {
    status: HttpStatus.BAD_REQUEST,
    title: 'A verifiable credential (a JSON object) is required',
  },
  [CertificateErrorCode.CredentialMalformed]: {
    status: HttpStatus.BAD_REQUEST,
    title: 'Not a credential JWT ORIS could have signed (compact JWS, alg EdDSA)',
  },
  [CertificateErrorCode.StatusListNotFound]: {
    status: HttpStatus.NOT_FOUND,
    title: 'Status list not found',
  },
  [CertificateErrorCode.RateLimited]: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    title: 'Too many verification requests',
  },
};

export class CertificateException extends DomainException {
  constructor(
    code: CertificateErrorCode,
    detail?: string,
    /** Set on 429: the Retry-After value. */
    retryAfterSeconds?: number,
  ) {
    super(code, PROBLEMS[code].status, PROBLEMS[code].title, detail, retryAfterSeconds);
  }
}

export const certificateNotFound = (id: string) =>
  new CertificateException(
    CertificateErrorCode.CertificateNotFound,
    `No certificate with id ${id}.`,
  );
