import { CertificateException } from '../certificate.exception';
import { assertCompleted } from './certificate-issuer.service';
import type { IssuanceFacts } from './issuance-facts';

const facts = (status: IssuanceFacts['status'], completedOn: string | null = null) =>
  ({ status, completedOn }) as IssuanceFacts;

describe('assertCompleted', () => {
  it('lets a completed enrollment through', () => {
    expect(() => assertCompleted(facts('completed', '2026-03-06'))).not.toThrow();
  });

  it.each(['pending', 'confirmed', 'waitlisted', 'withdrawn', 'not_completed'] as const)(
    'refuses a %s enrollment with 409, naming the status',
    (status) => {
      let error: unknown;
      try {
        assertCompleted(facts(status));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(CertificateException);
      expect(error).toMatchObject({ status: 409, code: 'enrollment_not_completed' });
      expect((error as CertificateException).detail).toContain(`status ${status}`);
    },
  );
});
