import type { Type } from '@angular/core';

/**
 * The course page's enroll control (ENROLL_ACTION, provided on the catalogue's route in
 * apps/web): its code loads with the first course page that shows it, not with the catalogue.
 */
export function loadEnrollAction(): Promise<Type<unknown>> {
  return import('./enroll/enroll-action').then((m) => m.EnrollAction);
}
