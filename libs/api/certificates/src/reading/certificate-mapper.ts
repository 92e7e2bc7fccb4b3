import { dayInMorocco } from '@oris/shared/domain';
import type { CertificateDto, VerificationDto } from '../dto/certificate.dto';
import type { Certificate } from '../entities/certificate.entity';

/** The public page a certificate's QR code and email link point to. */
export const verificationUrl = (webUrl: string, code: string) =>
  `${webUrl.replace(/\/+$/, '')}/verify/${code}`;

export function toCertificateDto(
  certificate: Certificate,
  webUrl: string,
  { withRevocationNote }: { withRevocationNote: boolean },
): CertificateDto {
  return {
    id: certificate.id,
    serial: certificate.serial,
    verificationCode: certificate.verificationCode,
    verificationUrl: verificationUrl(webUrl, certificate.verificationCode),
    enrollmentId: certificate.enrollmentId,
    userId: certificate.userId,
    sessionId: certificate.sessionId,
    holderName: certificate.holderName,
    holderNameAr: certificate.holderNameAr,
    courseTitle: certificate.courseTitle,
    hours: certificate.hours,
    sessionStartsOn: certificate.sessionStartsOn,
    sessionEndsOn: certificate.sessionEndsOn,
    regionCode: certificate.regionCode,
    completedOn: certificate.completedOn,
    issuedOn: certificate.issuedOn,
    issuedAt: certificate.issuedAt.toISOString(),
    status: certificate.status,
    revokedAt: certificate.revokedAt?.toISOString() ?? null,
    revokedReason: certificate.revokedReason,
    replacedBySerial: certificate.replacedBy?.serial ?? null,
    revocationNote: withRevocationNote ? certificate.revocationNote : null,
    pdfState: certificate.renderState,
    sha256: certificate.sha256,
  };
}

/** The public answer: see `VerificationDto` for what it leaves out, and why. */
export function toVerificationDto(
  certificate: Certificate,
  holderErased = false,
  replacedBySerial: string | null = null,
): VerificationDto {
  const revoked = certificate.status === 'revoked';
  return {
    valid: !revoked,
    status: certificate.status,
    serial: certificate.serial,
    holderName: holderErased ? null : certificate.holderName,
    holderNameAr: holderErased ? null : certificate.holderNameAr,
    holderErased,
    courseTitle: certificate.courseTitle,
    hours: certificate.hours,
    completionMonth: certificate.completedOn.slice(0, 7),
    ...(revoked && certificate.revokedAt
      ? {
          revocationMonth: dayInMorocco(certificate.revokedAt).slice(0, 7),
          reason: certificate.revokedReason ?? 'other',
          ...(replacedBySerial ? { replacedBy: replacedBySerial } : {}),
        }
      : {}),
    sha256: certificate.sha256,
  };
}
