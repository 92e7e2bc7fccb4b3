import { linkedInAddCertificationUrl } from './linkedin';

describe('linkedInAddCertificationUrl', () => {
  it('fills the add-certification form with the course, ORIS, the month of issue, the link and the serial', () => {
    const url = new URL(
      linkedInAddCertificationUrl({
        courseTitle: 'Gérer une coopérative & ses comptes',
        issuedOn: '2026-03-09',
        verificationUrl: 'https://academy.oris.example/verify/AbC_123-xyzXYZ0123456789',
        serial: 'ORIS-2026-000042',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Gérer une coopérative & ses comptes',
      organizationName: 'ORIS Academy',
      issueYear: '2026',
      issueMonth: '3',
      certUrl: 'https://academy.oris.example/verify/AbC_123-xyzXYZ0123456789',
      certId: 'ORIS-2026-000042',
    });
  });
});
