import type { Provider } from '@angular/core';
import { ENROLL_ACTION } from '@oris/web/core';

/** Plugs the enroll control into the course page; its code loads with the first course page. */
export function provideEnrollAction(): Provider {
  return {
    provide: ENROLL_ACTION,
    useValue: () => import('./enroll/enroll-action').then((m) => m.EnrollAction),
  };
}
