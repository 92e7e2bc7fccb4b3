import type { Certificate } from '../entities/certificate.entity';
import { verificationUrl } from '../reading/certificate-mapper';
import type { CertificateDocument } from '../rendering/certificate-document';

/** What the PDF prints: the certificate's snapshot only, so a re-render gives the same bytes. */
export function toCertificateDocument(
  certificate: Certificate,
  webUrl: string,
): CertificateDocument {
  return {
    serial: certificate.serial,
    verificationUrl: verificationUrl(webUrl, certificate.verificationCode),
    verificationCode: certificate.verificationCode,
    holderName: certificate.holderName,
    holderNameAr: certificate.holderNameAr,
    courseTitle: certificate.courseTitle,
    hours: certificate.hours,
    sessionStartsOn: certificate.sessionStartsOn,
    sessionEndsOn: certificate.sessionEndsOn,
    completedOn: certificate.completedOn,
    issuedOn: certificate.issuedOn,
    regionName: certificate.regionName,
    regionNameAr: certificate.regionNameAr,
  };
}

/** Where a certificate's PDF lives: derived from its id, so every re-run writes the same file. */
export const certificateStorageKey = (certificateId: string) => `certificates/${certificateId}.pdf`;
