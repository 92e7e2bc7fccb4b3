import { LOCALES } from '@oris/shared/domain';
import { renderEmail } from './render-email';

const context = { webUrl: 'https://academy.oris.example' };
const params = {
  fullName: 'Amina Benali',
  courseTitle: 'Mesure d’impact social',
  serial: 'ORIS-2026-000042',
  completedOn: '2026-03-06',
  verificationCode: 'q3Vx9_Zt-8kLm2NpR4sT6uWy',
};

describe('certificate email', () => {
  it.each(LOCALES)('gives the serial and the verification link in %s', (locale) => {
    const email = renderEmail('certificate_issued', locale, params, context);
    expect(email.text).toContain('ORIS-2026-000042');
    expect(email.text).toContain('https://academy.oris.example/verify/q3Vx9_Zt-8kLm2NpR4sT6uWy');
    expect(email.subject).toContain('Mesure d’impact social');
  });

  it('writes the completion day in the reader’s language', () => {
    expect(renderEmail('certificate_issued', 'fr', params, context).text).toContain('6 mars 2026');
    expect(renderEmail('certificate_issued', 'en', params, context).text).toContain('6 March 2026');
  });

  it('needs the verification code', () => {
    const { verificationCode: _omitted, ...rest } = params;
    expect(() => renderEmail('certificate_issued', 'fr', rest, context)).toThrow(
      /verificationCode/,
    );
  });
});
