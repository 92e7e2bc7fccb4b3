import type { Route } from '@angular/router';
import { roleGuard } from '@oris/web/core';
import { unsavedChangesGuard } from '@oris/web/ui/dialogs';

const editors = roleGuard('observatory_editor', 'admin');

/** `/observatory/practices`: the editors' library (administrators too); the API enforces access. */
export const practicesRoutes: Route[] = [
  {
    path: '',
    title: 'practices.staff.title',
    canActivate: [editors],
    loadComponent: () => import('./staff/practices-page').then((m) => m.PracticesPage),
  },
  {
    path: 'new',
    title: 'practices.form.createTitle',
    canActivate: [editors],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./staff/practice-form-page').then((m) => m.PracticeFormPage),
  },
  {
    path: ':id/edit',
    title: 'practices.form.editTitle',
    canActivate: [editors],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./staff/practice-form-page').then((m) => m.PracticeFormPage),
  },
  {
    path: ':id/versions',
    title: 'practices.versions.title',
    canActivate: [editors],
    loadComponent: () => import('./review/versions-page').then((m) => m.VersionsPage),
  },
  {
    path: ':id',
    title: 'practices.review.title',
    canActivate: [editors],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./review/practice-review-page').then((m) => m.PracticeReviewPage),
  },
];

/** `/practices`: the public library, anyone, no sign-in; a sheet by its stable slug. */
export const publicPracticesRoutes: Route[] = [
  {
    path: '',
    title: 'practices.public.title',
    loadComponent: () =>
      import('./public/public-practices-page').then((m) => m.PublicPracticesPage),
  },
  {
    path: ':slug',
    title: 'practices.public.sheetTitle',
    loadComponent: () => import('./public/public-practice-page').then((m) => m.PublicPracticePage),
  },
];
