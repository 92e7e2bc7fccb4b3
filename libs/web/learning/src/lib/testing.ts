import type { SessionBrief } from '@oris/web/core';
import type {
  Enrollment,
  EnrollmentDetail,
  EnrollmentModules,
  LearnerModule,
  Progress,
} from './shared/learning-types';

// Test data and helpers of this library's specs; not exported.

export const ENROLLMENT_ID = '5a0c3e7e-2f51-4b0b-8a43-0e6f2b7c1a01';
export const SESSION_ID = '5a0c3e7e-2f51-4b0b-8a43-0e6f2b7c1a02';
export const COURSE_ID = '5a0c3e7e-2f51-4b0b-8a43-0e6f2b7c1a03';
export const MODULE_IDS = [
  '5a0c3e7e-2f51-4b0b-8a43-0e6f2b7c1b01',
  '5a0c3e7e-2f51-4b0b-8a43-0e6f2b7c1b02',
  '5a0c3e7e-2f51-4b0b-8a43-0e6f2b7c1b03',
];

export function aProgress(changes: Partial<Progress> = {}): Progress {
  return {
    requiredDone: 0,
    requiredTotal: 2,
    publishedDone: 0,
    publishedTotal: 3,
    percent: 0,
    ...changes,
  };
}

export function anEnrollment(changes: Partial<Enrollment> = {}): Enrollment {
  return {
    id: ENROLLMENT_ID,
    status: 'confirmed',
    waitlistPosition: null,
    person: { id: 'u1', fullName: 'Salma Idrissi', fullNameAr: null },
    session: {
      id: SESSION_ID,
      title: 'Classe virtuelle — printemps',
      startsOn: '2026-12-10',
      endsOn: '2026-12-19',
      status: 'open',
      regionCode: 'MA-04',
      course: { id: COURSE_ID, code: 'MI-110', title: 'Mesurer l’impact social' },
    },
    baselineSituation: 'seeking',
    educationLevel: 'licence',
    regionCode: 'MA-04',
    onBehalf: false,
    enrolledAt: '2026-11-20T09:00:00Z',
    confirmedAt: '2026-11-20T09:00:00Z',
    withdrawnAt: null,
    withdrawalReason: null,
    completedOn: null,
    validatedBy: null,
    completionAttestation: null,
    earlyCompletionReason: null,
    progress: aProgress(),
    ...changes,
  };
}

export function anEnrollmentDetail(changes: Partial<EnrollmentDetail> = {}): EnrollmentDetail {
  return {
    ...anEnrollment(),
    completionCheck: {
      met: false,
      criteria: [],
      meetingsHeld: 0,
      meetingsAttended: 0,
      lastMeetingStartsAt: null,
      early: false,
    },
    ...changes,
  };
}

export function anOutline(done: boolean[] = [false, false, false]): EnrollmentModules {
  const titles = ['La théorie du changement', 'Choisir ses indicateurs', 'Présenter ses résultats'];
  const modules = titles.map((title, index) => ({
    id: MODULE_IDS[index],
    position: index + 1,
    title,
    estimatedMinutes: 60,
    required: index < 2,
    done: done[index] ?? false,
    completedAt: done[index] ? '2026-11-21T10:00:00Z' : null,
  }));
  const requiredDone = modules.filter((m) => m.required && m.done).length;
  return {
    enrollmentId: ENROLLMENT_ID,
    progress: aProgress({
      requiredDone,
      publishedDone: modules.filter((m) => m.done).length,
      percent: Math.floor((requiredDone * 100) / 2),
    }),
    modules,
  };
}

export function aModule(index: number, changes: Partial<LearnerModule> = {}): LearnerModule {
  const outline = anOutline().modules[index];
  return {
    ...outline,
    contentHtml: '<h1>Titre</h1><p>Des <strong>indicateurs</strong> utiles.</p>',
    resources: [{ title: 'Guide de l’évaluation', url: 'https://oris.example/guide.pdf' }],
    ...changes,
  };
}

export function aSessionBrief(changes: Partial<SessionBrief> = {}): SessionBrief {
  return {
    id: SESSION_ID,
    title: 'Classe virtuelle — printemps',
    startsOn: '2026-12-10',
    endsOn: '2026-12-19',
    regionCode: 'MA-04',
    venue: null,
    online: true,
    status: 'open',
    capacity: 40,
    seatsLeft: 40,
    opensOn: '2026-10-26',
    closesOn: '2026-12-09',
    approvalRequired: false,
    ...changes,
  };
}

export const page = (items: unknown[]) =>
  Response.json({ items, total: items.length, page: 1, pageSize: 20 });

// The fake API and its helpers are shared by the web libraries' specs.
export { fakeApi, settle } from '@oris/web/testing';
export type { Answer, Call } from '@oris/web/testing';
