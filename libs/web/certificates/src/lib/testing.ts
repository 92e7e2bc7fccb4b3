import type { Certificate, Enrollment, Verification } from './shared/certificate-types';

// Test data and helpers of this library's specs; not exported.

export const SESSION_ID = '3b1f6a0e-2c4d-4e5f-8a9b-0c1d2e3f4a01';
export const COURSE_ID = '3b1f6a0e-2c4d-4e5f-8a9b-0c1d2e3f4a02';
export const CODE = 'q3Z-7wXkP9rT2vYb_4mN8sLd';

export function aCertificate(changes: Partial<Certificate> = {}): Certificate {
  return {
    id: '3b1f6a0e-2c4d-4e5f-8a9b-0c1d2e3f4a10',
    serial: 'ORIS-2026-000123',
    verificationCode: CODE,
    verificationUrl: `https://academy.oris.ma/verify/${CODE}`,
    enrollmentId: 'enrollment-1',
    userId: 'user-1',
    sessionId: SESSION_ID,
    holderName: 'Salma Bennani',
    holderNameAr: 'سلمى بناني',
    courseTitle: 'Créer et gérer une coopérative',
    hours: 28,
    sessionStartsOn: '2026-09-14',
    sessionEndsOn: '2026-09-17',
    regionCode: 'MA-02',
    completedOn: '2026-09-17',
    issuedOn: '2026-09-20',
    issuedAt: '2026-09-20T10:00:00Z',
    status: 'valid',
    revokedAt: null,
    revokedReason: null,
    replacedBySerial: null,
    revocationNote: null,
    pdfState: 'rendered',
    sha256: 'a'.repeat(64),
    ...changes,
  };
}

export function aVerification(changes: Partial<Verification> = {}): Verification {
  return {
    valid: true,
    status: 'valid',
    serial: 'ORIS-2026-000123',
    holderName: 'Salma Bennani',
    holderNameAr: 'سلمى بناني',
    holderErased: false,
    courseTitle: 'Créer et gérer une coopérative',
    hours: 28,
    completionMonth: '2026-09',
    sha256: 'a'.repeat(64),
    ...changes,
  };
}

export function aCompleter(id: string, fullName: string): Enrollment {
  return {
    id,
    status: 'completed',
    waitlistPosition: null,
    person: { id: `person-${id}`, fullName, fullNameAr: null },
    session: {
      id: SESSION_ID,
      title: 'Session Oujda',
      startsOn: '2026-09-14',
      endsOn: '2026-09-17',
      status: 'completed',
      regionCode: 'MA-02',
      course: { id: COURSE_ID, code: 'COOP-120', title: 'Créer et gérer une coopérative' },
    },
    baselineSituation: 'seeking',
    educationLevel: 'licence',
    regionCode: 'MA-02',
    onBehalf: false,
    enrolledAt: '2026-08-20T09:00:00Z',
    confirmedAt: '2026-08-20T09:00:00Z',
    withdrawnAt: null,
    withdrawalReason: null,
    completedOn: '2026-09-17',
    validatedBy: 'trainer',
    completionAttestation: null,
    earlyCompletionReason: null,
    progress: {
      requiredDone: 4,
      requiredTotal: 4,
      publishedDone: 4,
      publishedTotal: 4,
      percent: 100,
    },
  } as Enrollment;
}

// The fake API and its helpers are shared by the web libraries' specs.
export { fakeApi, pageOf, problem, settle } from '@oris/web/testing';
export type { Call } from '@oris/web/testing';
