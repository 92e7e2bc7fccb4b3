import { InjectionToken, type Type } from '@angular/core';

/**
 * Where the enrollment feature plugs its "Enroll" control into the course page's sessions
 * table. Provide a loader of a standalone component; it is rendered for signed-in people in
 * each session's row with the inputs `course` (`Course`) and `session` (`SessionBrief`).
 * Without a provider the page offers nothing but, to visitors, a link to sign in.
 */
export const ENROLL_ACTION = new InjectionToken<() => Promise<Type<unknown>>>('ENROLL_ACTION');
