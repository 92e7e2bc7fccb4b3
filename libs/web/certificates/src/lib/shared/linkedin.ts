import type { Certificate } from './certificate-types';

/** The organisation LinkedIn shows as issuer (free text: ORIS has no LinkedIn page id here). */
export const LINKEDIN_ORGANIZATION_NAME = 'ORIS Academy';

/**
 * LinkedIn's "Add licence or certification" form, filled in: the course as the name, ORIS as
 * the organisation, the month of issue, the public verification page as the credential URL and
 * the serial as its id. The person still confirms on LinkedIn; nothing is posted for them.
 */
export function linkedInAddCertificationUrl(
  certificate: Pick<Certificate, 'courseTitle' | 'issuedOn' | 'verificationUrl' | 'serial'>,
): string {
  const [year = '', month = ''] = certificate.issuedOn.split('-');
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: certificate.courseTitle,
    organizationName: LINKEDIN_ORGANIZATION_NAME,
    issueYear: year,
    issueMonth: String(Number(month)),
    certUrl: certificate.verificationUrl,
    certId: certificate.serial,
  });
  return `https://www.linkedin.com/profile/add?${params}`;
}
