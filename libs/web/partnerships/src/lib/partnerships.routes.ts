import type { Route } from '@angular/router';
import { roleGuard } from '@oris/web/core';
import { unsavedChangesGuard } from '@oris/web/ui/dialogs';

const officers = roleGuard('partnership_officer', 'admin');

/**
 * The partnership officers' pages (administrators too), `/observatory/partnerships`. Route
 * `title`s are translation keys. The API enforces access; the guards only guide.
 */
export const partnershipsRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    title: 'partnerships.list.title',
    canActivate: [officers],
    loadComponent: () => import('./list/partnerships-page').then((m) => m.PartnershipsPage),
  },
  {
    path: 'new',
    title: 'partnerships.form.createTitle',
    canActivate: [officers],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./form/partnership-form-page').then((m) => m.PartnershipFormPage),
  },
  {
    path: ':id/edit',
    title: 'partnerships.form.editTitle',
    canActivate: [officers],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./form/partnership-form-page').then((m) => m.PartnershipFormPage),
  },
  {
    path: ':id',
    title: 'partnerships.detail.title',
    canActivate: [officers],
    loadComponent: () => import('./detail/partnership-page').then((m) => m.PartnershipPage),
  },
];
