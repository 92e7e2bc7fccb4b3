import type { AuthenticatedUser } from '@oris/api/platform';
import type { CourseStatus, SessionStatus } from '@oris/shared/domain';

/** Who runs a session: the facts the access rules need. */
export interface SessionStaff {
  ownerIds: readonly string[];
  trainerIds: readonly string[];
}

export const isAdmin = (user: AuthenticatedUser): boolean => user.roles.includes('admin');

/**
 * The session's trainers run it; the course's owners (who assign those trainers) and
 * administrators may too, as in the catalogue. Trainer and owner rows count only while the
 * person still holds the trainer role: revoking it ends their rights without editing every row.
 */
export const isSessionStaff = (user: AuthenticatedUser, staff: SessionStaff): boolean =>
  isAdmin(user) ||
  (user.roles.includes('trainer') &&
    (staff.trainerIds.includes(user.id) || staff.ownerIds.includes(user.id)));

/** What anyone may see of a session: those of published courses, unless cancelled. */
export const isPublicSession = (
  courseStatus: CourseStatus,
  sessionStatus: SessionStatus,
): boolean => courseStatus === 'published' && sessionStatus !== 'cancelled';
