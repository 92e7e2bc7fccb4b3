import type { AuthenticatedUser } from '@oris/api/platform';
import type { ModuleCounts, SessionStatus } from '@oris/shared/domain';
import { EntityManager } from 'typeorm';
import { waitlistPositions } from '../admission/waitlist';
import type { EnrollmentDto } from '../dto/enrollment.dto';
import { Enrollment } from '../entities/enrollment.entity';
import { moduleCounts, NO_MODULES, toProgress } from '../progress/module-counts';

export interface SessionRow {
  id: string;
  title: string;
  startsOn: string;
  endsOn: string;
  status: SessionStatus;
  regionCode: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  baselineVisibleToTrainers: boolean;
}

export interface PersonRow {
  id: string;
  fullName: string;
  fullNameAr: string | null;
}

/**
 * Minimisation (law 09-08): the baseline (situation and education at enrollment) is for the
 * person, administrators and placement officers; a trainer sees it only for courses whose owner
 * said the teaching needs it.
 */
export const seesBaseline = (
  viewer: AuthenticatedUser,
  enrolleeId: string,
  baselineVisibleToTrainers: boolean,
): boolean =>
  viewer.id === enrolleeId ||
  viewer.roles.includes('admin') ||
  viewer.roles.includes('placement_officer') ||
  baselineVisibleToTrainers;

/**
 * Enrollment DTOs in four statements whatever their number (sessions with courses, people and
 * attesting administrators, module counts, waitlist positions): no query per enrollment. Runs
 * on the caller's manager, one statement after the other (a transaction has a single connection).
 */
export async function toEnrollmentDtos(
  manager: EntityManager,
  enrollments: Enrollment[],
  viewer: AuthenticatedUser,
): Promise<EnrollmentDto[]> {
  if (enrollments.length === 0) return [];
  const ids = enrollments.map((enrollment) => enrollment.id);
  const sessions: SessionRow[] = await manager.query(
    `SELECT s.id, s.title, s.starts_on::text AS "startsOn", s.ends_on::text AS "endsOn",
            s.status, s.region_code AS "regionCode", c.id AS "courseId", c.code AS "courseCode",
            c.title AS "courseTitle",
            c.baseline_visible_to_trainers AS "baselineVisibleToTrainers"
       FROM course_session s JOIN course c ON c.id = s.course_id
      WHERE s.id = ANY($1)`,
    [[...new Set(enrollments.map((enrollment) => enrollment.sessionId))]],
  );
  const people: PersonRow[] = await manager.query(
    `SELECT id, full_name AS "fullName", full_name_ar AS "fullNameAr" FROM users WHERE id = ANY($1)`,
    [
      [
        ...new Set(
          enrollments.flatMap((enrollment) =>
            enrollment.completionAttestedBy
              ? [enrollment.userId, enrollment.completionAttestedBy]
              : [enrollment.userId],
          ),
        ),
      ],
    ],
  );
  const counts = await moduleCounts(manager, ids);
  const positions = await waitlistPositions(
    manager,
    enrollments.filter((enrollment) => enrollment.status === 'waitlisted').map((e) => e.id),
  );
  const sessionById = new Map(sessions.map((session) => [session.id, session]));
  const personById = new Map(people.map((person) => [person.id, person]));
  return enrollments.map((enrollment) =>
    enrollmentDto(
      enrollment,
      sessionById.get(enrollment.sessionId) as SessionRow,
      personById,
      positions.get(enrollment.id) ?? null,
      counts.get(enrollment.id) ?? NO_MODULES,
      viewer,
    ),
  );
}

/** What an enrollment's DTO shows of its row. */
export type EnrollmentFacts = Pick<
  Enrollment,
  | 'id'
  | 'status'
  | 'userId'
  | 'baselineSituation'
  | 'educationLevel'
  | 'regionCode'
  | 'enrolledBy'
  | 'enrolledAt'
  | 'confirmedAt'
  | 'withdrawnAt'
  | 'withdrawalReason'
  | 'completedOn'
  | 'validatedBy'
  | 'completionAttestedBy'
  | 'completionAttestedAt'
  | 'earlyCompletionReason'
>;

/**
 * One enrollment's DTO as `viewer` may see it, from what is known of it (`toEnrollmentDtos` reads that; a batch of
 * admissions already holds it). `people` holds the person and any attesting administrator.
 */
export function enrollmentDto(
  enrollment: EnrollmentFacts,
  session: SessionRow,
  people: Map<string, PersonRow>,
  waitlistPosition: number | null,
  counts: ModuleCounts,
  viewer: AuthenticatedUser,
): EnrollmentDto {
  const person = people.get(enrollment.userId) as PersonRow;
  const baseline = seesBaseline(viewer, enrollment.userId, session.baselineVisibleToTrainers);
  const attester = enrollment.completionAttestedBy
    ? (people.get(enrollment.completionAttestedBy) as PersonRow)
    : null;
  return {
    id: enrollment.id,
    status: enrollment.status,
    waitlistPosition,
    person: { id: person.id, fullName: person.fullName, fullNameAr: person.fullNameAr },
    session: {
      id: session.id,
      title: session.title,
      startsOn: session.startsOn,
      endsOn: session.endsOn,
      status: session.status,
      regionCode: session.regionCode,
      course: { id: session.courseId, code: session.courseCode, title: session.courseTitle },
    },
    baselineSituation: baseline ? enrollment.baselineSituation : null,
    educationLevel: baseline ? enrollment.educationLevel : null,
    regionCode: enrollment.regionCode,
    onBehalf: enrollment.enrolledBy !== enrollment.userId,
    enrolledAt: enrollment.enrolledAt.toISOString(),
    confirmedAt: enrollment.confirmedAt?.toISOString() ?? null,
    withdrawnAt: enrollment.withdrawnAt?.toISOString() ?? null,
    withdrawalReason: enrollment.withdrawalReason,
    completedOn: enrollment.completedOn,
    validatedBy: enrollment.validatedBy,
    completionAttestation:
      attester && enrollment.completionAttestedAt
        ? {
            by: { id: attester.id, fullName: attester.fullName, fullNameAr: attester.fullNameAr },
            at: enrollment.completionAttestedAt.toISOString(),
          }
        : null,
    earlyCompletionReason: enrollment.earlyCompletionReason,
    progress: toProgress(counts),
  };
}
