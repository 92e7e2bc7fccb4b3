import type { Certificate } from '../entities/certificate.entity';
import { toVerificationDto, verificationUrl } from './certificate-mapper';

const certificate = {
  id: '0c6c2d5e-0000-4000-8000-000000000001',
  serial: 'ORIS-2026-000042',
  verificationCode: 'q3Vx9_Zt-8kLm2NpR4sT6uWy',
  holderName: 'Amina Benali',
  holderNameAr: 'أمينة بنعلي',
  courseTitle: 'Mesure d’impact social',
  hours: 24,
  sessionStartsOn: '2026-03-02',
  sessionEndsOn: '2026-03-06',
  regionCode: 'MA-04',
  completedOn: '2026-03-06',
  issuedOn: '2026-03-10',
  status: 'valid',
  revokedAt: null,
  revokedReason: null,
  revocationNote: null,
  sha256: 'a'.repeat(64),
} as unknown as Certificate;

describe('verification answers', () => {
  it('says nothing of revocation for a valid certificate', () => {
    const answer = toVerificationDto(certificate);
    expect(answer).toMatchObject({ valid: true, status: 'valid', serial: 'ORIS-2026-000042' });
    expect('revocationMonth' in answer).toBe(false);
    expect('reason' in answer).toBe(false);
  });

  it('gives what a verifier needs and no more: the month of completion, no region, no day', () => {
    expect(toVerificationDto(certificate)).toEqual({
      valid: true,
      status: 'valid',
      serial: 'ORIS-2026-000042',
      holderName: 'Amina Benali',
      holderNameAr: 'أمينة بنعلي',
      holderErased: false,
      courseTitle: 'Mesure d’impact social',
      hours: 24,
      completionMonth: '2026-03',
      sha256: 'a'.repeat(64),
    });
  });

  it('gives no name once the holder had their data erased, and says so', () => {
    expect(toVerificationDto(certificate, true)).toMatchObject({
      valid: true,
      holderName: null,
      holderNameAr: null,
      holderErased: true,
      sha256: 'a'.repeat(64),
    });
  });

  it('gives the month (in Morocco) and the reason code of a revocation, never the note', () => {
    const answer = toVerificationDto({
      ...certificate,
      status: 'revoked',
      // 23:30 UTC on 31 March is already 1 April in Casablanca (UTC+1).
      revokedAt: new Date('2026-03-31T23:30:00Z'),
      revokedReason: 'issued_in_error',
      revocationNote: 'Nom mal orthographié, signalé par la titulaire',
    } as Certificate);
    expect(answer).toMatchObject({
      valid: false,
      status: 'revoked',
      revocationMonth: '2026-04',
      reason: 'issued_in_error',
    });
    expect(JSON.stringify(answer)).not.toContain('orthographié');
  });

  it('builds the public link from the web app URL, with or without a trailing slash', () => {
    expect(verificationUrl('https://academy.oris.ma/', 'abc')).toBe(
      'https://academy.oris.ma/verify/abc',
    );
    expect(verificationUrl('https://academy.oris.ma', 'abc')).toBe(
      'https://academy.oris.ma/verify/abc',
    );
  });
});
