import type { Course, Session } from '@oris/web/core';
import type { AssignmentSettings, GradingSubmission } from './assignment/assignment-teaching-api';
import type { CourseModule, Enrollment, EnrollmentDetail } from './shared/teaching-types';

// Test data and helpers of this library's specs; not exported.

export const COURSE_ID = '7d3f1c52-0a51-4f1e-9a43-2f7e1b0c9a01';
export const SESSION_ID = '7d3f1c52-0a51-4f1e-9a43-2f7e1b0c9a02';

export function aCourse(changes: Partial<Course> = {}): Course {
  return {
    id: COURSE_ID,
    code: 'COOP-120',
    title: 'Créer et gérer une coopérative',
    summary: 'Statuts, gouvernance et comptabilité.',
    description: '',
    descriptionHtml: '',
    theme: 'cooperatives',
    languages: ['fr'],
    deliveryMode: 'in_person',
    durationHours: 28,
    learningOutcomes: [],
    completionRule: { requiredModules: true, minAttendancePercent: null, trainerValidation: false },
    baselineVisibleToTrainers: false,
    status: 'draft',
    owners: [{ id: 'trainer', fullName: 'Youssef El Amrani' }],
    modules: [],
    upcomingSessions: [],
    canEdit: true,
    publishedAt: null,
    archivedAt: null,
    createdAt: '2026-01-01T09:00:00Z',
    updatedAt: '2026-01-01T09:00:00Z',
    ...changes,
  };
}

export function aModule(id: string, title: string, position: number): CourseModule {
  return {
    id,
    courseId: COURSE_ID,
    position,
    title,
    content: '',
    contentHtml: '',
    estimatedMinutes: 45,
    resources: [],
    required: true,
    status: 'draft',
    publishedAt: null,
    createdAt: '2026-01-01T09:00:00Z',
    updatedAt: '2026-01-01T09:00:00Z',
  };
}

export function aSession(changes: Partial<Session> = {}): Session {
  return {
    id: SESSION_ID,
    title: 'Cohorte Béni Mellal',
    startsOn: '2026-12-24',
    endsOn: '2026-12-27',
    regionCode: 'MA-05',
    venue: 'Maison des associations',
    online: false,
    status: 'planned',
    capacity: 20,
    seatsLeft: 20,
    opensOn: '2026-11-01',
    closesOn: '2026-12-24',
    approvalRequired: false,
    course: {
      id: COURSE_ID,
      code: 'COOP-120',
      title: 'Créer et gérer une coopérative',
      status: 'published',
    },
    onlineUrl: null,
    confirmedCount: 0,
    trainers: [],
    meetings: [],
    canManage: true,
    createdAt: '2026-01-01T09:00:00Z',
    updatedAt: '2026-01-01T09:00:00Z',
    ...changes,
  };
}

// The fake API and its helpers are shared by the web libraries' specs.
export { fakeApi, problem, settle } from '@oris/web/testing';
export type { Answer, Call } from '@oris/web/testing';

export function anEnrollment(
  id: string,
  fullName: string,
  changes: Partial<Enrollment> = {},
): Enrollment {
  return {
    id,
    status: 'confirmed',
    waitlistPosition: null,
    person: { id: `person-${id}`, fullName, fullNameAr: null },
    session: {
      id: SESSION_ID,
      title: 'Cohorte Béni Mellal',
      startsOn: '2026-12-24',
      endsOn: '2026-12-27',
      status: 'running',
      regionCode: 'MA-05',
      course: { id: COURSE_ID, code: 'COOP-120', title: 'Créer et gérer une coopérative' },
    },
    baselineSituation: 'seeking',
    educationLevel: 'licence',
    regionCode: 'MA-05',
    onBehalf: false,
    enrolledAt: '2026-11-02T09:00:00Z',
    confirmedAt: '2026-11-02T09:00:00Z',
    withdrawnAt: null,
    withdrawalReason: null,
    completedOn: null,
    validatedBy: null,
    completionAttestation: null,
    earlyCompletionReason: null,
    progress: {
      requiredDone: 1,
      requiredTotal: 4,
      publishedDone: 1,
      publishedTotal: 4,
      percent: 25,
    },
    ...changes,
  };
}

export function aDetail(
  enrollment: Enrollment,
  check: Partial<EnrollmentDetail['completionCheck']> = {},
): EnrollmentDetail {
  return {
    ...enrollment,
    completionCheck: {
      met: true,
      criteria: [],
      meetingsHeld: 0,
      meetingsAttended: 0,
      lastMeetingStartsAt: null,
      early: false,
      ...check,
    },
  };
}

/** A page of the API's list answer. */
export const pageOf = <T>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 100 });

export const MODULE_ID = '7d3f1c52-0a51-4f1e-9a43-2f7e1b0c9a03';
export const SUBMISSION_ID = '7d3f1c52-0a51-4f1e-9a43-2f7e1b0c9a04';

/** A module's assignment graded with a two-criterion rubric (10 + 5 points). */
export function anAssignment(changes: Partial<AssignmentSettings> = {}): AssignmentSettings {
  return {
    id: 'assignment-1',
    courseId: COURSE_ID,
    moduleId: MODULE_ID,
    title: 'Pitch écrit de votre projet',
    instructions: 'Présentez votre projet en dix lignes.',
    instructionsHtml: '<p>Présentez votre projet en dix lignes.</p>',
    dueAt: null,
    dueInMorocco: null,
    latePolicy: 'accept',
    latePenaltyPercent: null,
    acceptsText: true,
    acceptsFiles: true,
    fileKinds: ['pdf', 'docx'],
    maxFileBytes: 5 * 1024 * 1024,
    maxFiles: 2,
    rubric: {
      criteria: [
        {
          id: 'clarity',
          title: 'Clarté du problème',
          levels: [
            { id: 'vague', title: 'Flou', points: 0 },
            { id: 'clear', title: 'Clair', points: 5 },
            { id: 'striking', title: 'Percutant', points: 10 },
          ],
        },
        {
          id: 'audience',
          title: 'Public visé',
          levels: [
            { id: 'missing', title: 'Absent', points: 0 },
            { id: 'described', title: 'Décrit', points: 5 },
          ],
        },
      ],
    },
    maxMark: null,
    maxPoints: 15,
    passMarkPercent: 50,
    requiredForCompletion: false,
    submissionCount: 0,
    rubricLocked: false,
    ...changes,
  };
}

/** A trainee's submission waiting for the trainer, with its assignment. */
export function aGradingSubmission(changes: Partial<GradingSubmission> = {}): GradingSubmission {
  return {
    id: SUBMISSION_ID,
    status: 'submitted',
    text: 'Notre projet relie les coopératives aux cantines.',
    files: [],
    submittedAt: '2026-12-01T10:00:00Z',
    submissionCount: 1,
    late: false,
    rubricLevels: null,
    feedback: '',
    feedbackFiles: [],
    grade: null,
    enrollmentId: 'enrollment-1',
    traineeName: 'Omar Idrissi',
    assignment: anAssignment(),
    points: null,
    percent: null,
    ...changes,
  };
}
