import type { AuthenticatedUser } from '@oris/api/platform';
import type { CourseStatus, SessionStatus } from '@oris/shared/domain';

/** Who is asking: a signed-in person, or a visitor (null) on a public route. */
export type Viewer = AuthenticatedUser | null;

export const isAdmin = (viewer: Viewer): boolean => viewer?.roles.includes('admin') ?? false;

/** Owner and trainer rows grant rights only while their person still holds the trainer role. */
const isTrainer = (viewer: Viewer): boolean => viewer?.roles.includes('trainer') ?? false;

/** Owners and administrators edit a course, its modules, and open its sessions. */
export const canEditCourse = (viewer: Viewer, ownerIds: readonly string[]): boolean =>
  viewer !== null && (isAdmin(viewer) || (isTrainer(viewer) && ownerIds.includes(viewer.id)));

/** The public sees published courses only; editors see theirs whatever the status. */
export const canSeeCourse = (
  viewer: Viewer,
  status: CourseStatus,
  ownerIds: readonly string[],
): boolean => status === 'published' || canEditCourse(viewer, ownerIds);

/** A session's trainers run it; the course's owners and administrators may too. */
export const canManageSession = (
  viewer: Viewer,
  ownerIds: readonly string[],
  trainerIds: readonly string[],
): boolean =>
  viewer !== null &&
  (canEditCourse(viewer, ownerIds) || (isTrainer(viewer) && trainerIds.includes(viewer.id)));

/** Visitors see the sessions of published courses, except cancelled ones. */
export const canSeeSession = (
  viewer: Viewer,
  courseStatus: CourseStatus,
  sessionStatus: SessionStatus,
  ownerIds: readonly string[],
  trainerIds: readonly string[],
): boolean =>
  (courseStatus === 'published' && sessionStatus !== 'cancelled') ||
  canManageSession(viewer, ownerIds, trainerIds);
