import { Cast, castOf, client, inDays } from '../catalogue/catalogue-client';
import { bulkPeople, database, openSession, pastSession } from '../enrollments/enrollment-client';
import { Session, signInWithRoles } from '../identity/support/identity-client';
import type { TestApp } from '../support/test-app';

export interface PlacementCast extends Cast {
  officer: Session;
}

export async function placementCast(api: TestApp): Promise<PlacementCast> {
  const cast = await castOf(api);
  const officer = await signInWithRoles(api, cast.admin, ['placement_officer']);
  return { ...cast, officer };
}

export interface Cohort {
  sessionId: string;
  courseId: string;
  startsOn: string;
  completedOn: string;
  /** People who completed the session, with their enrollment. */
  completers: { userId: string; email: string; enrollmentId: string }[];
}

/**
 * A past session (300 to 296 days ago) whose `count` trainees completed it on its last day,
 * recorded through the enrollment CSV import as ORIS records past cohorts.
 */
export async function pastCohort(api: TestApp, cast: Cast, count: number): Promise<Cohort> {
  const { sessionId, courseId } = await openSession(api, cast.trainer, {
    planner: cast.admin,
    session: pastSession(300, 296),
    status: 'completed',
  });
  const people = await bulkPeople(api, count);
  const completedOn = inDays(-296);
  const csv = [
    'email,fullName,baselineSituation,educationLevel,completedOn',
    ...people.map((person) => `${person.email},Ignored,seeking,licence,${completedOn}`),
  ].join('\n');
  await client(api)
    .as(cast.admin)
    .post(`/api/v1/sessions/${sessionId}/enrollments/import?dryRun=false`, { csv })
    .expect(200);
  const rows: { userId: string; enrollmentId: string }[] = await database(api).query(
    `SELECT user_id AS "userId", id AS "enrollmentId" FROM enrollment WHERE session_id = $1`,
    [sessionId],
  );
  const byUser = new Map(rows.map((row) => [row.userId, row.enrollmentId]));
  return {
    sessionId,
    courseId,
    startsOn: inDays(-300),
    completedOn,
    completers: people.map((person) => ({
      userId: person.user.id,
      email: person.email,
      enrollmentId: byUser.get(person.user.id) as string,
    })),
  };
}

/** A valid body for POST /placements: a documented permanent job found 60 days after completion. */
export const placementBody = (userId: string, overrides: Record<string, unknown> = {}) => ({
  userId,
  kind: 'wage_employment',
  contract: 'permanent',
  employerName: 'Association Al Amal',
  sector: 'Économie sociale et solidaire',
  position: 'Chargée de projets',
  regionCode: 'MA-04',
  startOn: inDays(-236),
  source: 'officer',
  evidence: 'documented',
  note: 'Contrat signé, déclaration CNSS vue.',
  ...overrides,
});

export const auditEvents = (api: TestApp, subjectId: string) =>
  database(api).query(
    `SELECT actor_id AS "actorId", action, data FROM audit_event WHERE subject_id = $1 ORDER BY at, action`,
    [subjectId],
  ) as Promise<{ actorId: string; action: string; data: Record<string, unknown> }[]>;
