import type { Route } from '@angular/router';
import { unsavedChangesGuard } from '@oris/web/ui/dialogs';

/**
 * The follow-up survey behind the emailed link (`/survey/:token`): no sign-in, no guard, the
 * token is the only credential and the API checks it.
 */
export const surveyRoutes: Route[] = [
  {
    path: ':token',
    title: 'survey.title',
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./survey-page').then((m) => m.SurveyPage),
  },
];
