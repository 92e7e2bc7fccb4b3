import type { Route } from '@angular/router';
import { roleGuard } from '@oris/web/core';
import { unsavedChangesGuard } from '@oris/web/ui/dialogs';

const editors = roleGuard('observatory_editor', 'admin');

/** `/publications`: ORIS's validated publications, for anyone. Route `title`s are translation keys. */
export const publicPublicationsRoutes: Route[] = [
  {
    path: '',
    title: 'publications.public.title',
    loadComponent: () =>
      import('./public/public-publications-page').then((m) => m.PublicPublicationsPage),
  },
  {
    path: ':id',
    title: 'publications.public.title',
    loadComponent: () =>
      import('./public/public-publication-page').then((m) => m.PublicPublicationPage),
  },
];

/** `/observatory/publications`: the editors' registry (administrators too); the API enforces access. */
export const staffPublicationsRoutes: Route[] = [
  {
    path: '',
    title: 'publications.staff.title',
    canActivate: [editors],
    loadComponent: () =>
      import('./staff/staff-publications-page').then((m) => m.StaffPublicationsPage),
  },
  {
    path: 'new',
    title: 'publications.form.newHeading',
    canActivate: [editors],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./staff/publication-form-page').then((m) => m.PublicationFormPage),
  },
  {
    path: ':id',
    title: 'publications.staff.title',
    canActivate: [editors],
    loadComponent: () =>
      import('./staff/publication-detail-page').then((m) => m.PublicationDetailPage),
  },
  {
    path: ':id/edit',
    title: 'publications.form.editHeading',
    canActivate: [editors],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./staff/publication-form-page').then((m) => m.PublicationFormPage),
  },
];
