import type {
  Organisation,
  PersonSituation,
  PersonToFollow,
  Placement,
  PlacementVersion,
} from './shared/insertion-types';

// Test data and helpers of this library's specs; not exported.

export const PERSON_ID = '5c2e7b1f-3d4e-4f60-9a0b-1c2d3e4f5a01';
export const ENROLLMENT_ID = '5c2e7b1f-3d4e-4f60-9a0b-1c2d3e4f5a02';
export const PLACEMENT_ID = '5c2e7b1f-3d4e-4f60-9a0b-1c2d3e4f5a03';
export const ORGANISATION_ID = '5c2e7b1f-3d4e-4f60-9a0b-1c2d3e4f5a04';
export const COURSE_ID = '5c2e7b1f-3d4e-4f60-9a0b-1c2d3e4f5a05';
export const SESSION_ID = '5c2e7b1f-3d4e-4f60-9a0b-1c2d3e4f5a06';

const officer = { id: '5c2e7b1f-3d4e-4f60-9a0b-1c2d3e4f5a10', fullName: 'Nadia Chraibi' };

export function aPersonToFollow(changes: Partial<PersonToFollow> = {}): PersonToFollow {
  return {
    userId: PERSON_ID,
    fullName: 'Salma Bennani',
    fullNameAr: 'سلمى بناني',
    email: 'salma@example.org',
    phone: null,
    regionCode: 'MA-02',
    completions: 1,
    lastCompletedOn: '2026-03-20',
    lastCourseTitle: 'Créer et gérer une coopérative',
    awaitingValidation: 0,
    ...changes,
  };
}

export function aPlacement(changes: Partial<Placement> = {}): Placement {
  return {
    id: PLACEMENT_ID,
    person: { id: PERSON_ID, fullName: 'Salma Bennani' },
    version: 1,
    enrollmentId: ENROLLMENT_ID,
    kind: 'wage_employment',
    inserting: true,
    contract: 'fixed_term',
    organisationId: null,
    organisationName: null,
    employerName: 'Coopérative Argane Sud',
    sector: 'Agro-alimentaire',
    position: 'Chargée de commercialisation',
    regionCode: 'MA-02',
    startOn: '2026-05-04',
    endOn: null,
    source: 'officer',
    evidence: 'confirmed',
    note: null,
    validated: false,
    validatedBy: null,
    validatedAt: null,
    recordedBy: officer,
    recordedAt: '2026-06-01T09:00:00Z',
    createdAt: '2026-06-01T09:00:00Z',
    ...changes,
  };
}

export function aVersion(changes: Partial<PlacementVersion> = {}): PlacementVersion {
  const { id: _id, person: _person, createdAt: _createdAt, ...facts } = aPlacement();
  return { ...facts, supersededAt: null, changes: [], ...changes };
}

export function aSituation(placements: Placement[] = []): PersonSituation {
  return {
    person: {
      id: PERSON_ID,
      fullName: 'Salma Bennani',
      fullNameAr: 'سلمى بناني',
      email: 'salma@example.org',
      phone: '+212612345678',
      gender: 'female',
      birthYear: 1998,
      regionCode: 'MA-02',
    },
    completions: [
      {
        enrollmentId: ENROLLMENT_ID,
        sessionId: SESSION_ID,
        sessionTitle: 'Session Oujda',
        courseId: COURSE_ID,
        courseTitle: 'Créer et gérer une coopérative',
        startsOn: '2026-03-16',
        completedOn: '2026-03-20',
        regionCode: 'MA-02',
        baselineSituation: 'seeking',
        educationLevel: 'licence',
      },
    ],
    placements,
  } as PersonSituation;
}

export function anOrganisation(changes: Partial<Organisation> = {}): Organisation {
  return {
    id: ORGANISATION_ID,
    name: 'Incubateur Oriental Impact',
    kind: 'incubator',
    stakeholderGroup: 'support_organisation',
    regionCode: 'MA-02',
    placementCount: 3,
    createdAt: '2026-01-10T09:00:00Z',
    updatedAt: '2026-01-10T09:00:00Z',
    ...changes,
  };
}

// The fake API and its helpers are shared by the web libraries' specs.
export { fakeApi, pageOf, problem, settle } from '@oris/web/testing';
export type { Call } from '@oris/web/testing';
