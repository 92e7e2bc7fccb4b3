import {
  COURSE_TRANSITIONS,
  type CourseStatus,
  SESSION_TRANSITIONS,
  type SessionStatus,
} from '@oris/shared/domain';

export interface StatusAction<S extends string> {
  to: S;
  /** Button label; the confirmation dialog's texts are under `teaching.confirm.<kind>.<to>`. */
  labelKey: string;
  /** Ends something for good or tells people (cancelling notifies the enrollees). */
  destructive: boolean;
}

const DESTRUCTIVE: ReadonlySet<string> = new Set(['archived', 'cancelled']);

/** The destructive moves come last, after the ones that move things on. */
function actionsFrom<S extends string>(kind: string, next: readonly S[]): StatusAction<S>[] {
  const actions = next.map((to) => ({
    to,
    labelKey: `teaching.actions.${kind}.${to}`,
    destructive: DESTRUCTIVE.has(to),
  }));
  return [
    ...actions.filter((action) => !action.destructive),
    ...actions.filter((action) => action.destructive),
  ];
}

/** The moves a course may make from its status, and only those. */
export function courseActions(status: CourseStatus): StatusAction<CourseStatus>[] {
  return actionsFrom('course', COURSE_TRANSITIONS[status]);
}

/** The moves a session may make from its status: forward one step, or cancel until it ends. */
export function sessionActions(status: SessionStatus): StatusAction<SessionStatus>[] {
  return actionsFrom('session', SESSION_TRANSITIONS[status]);
}
