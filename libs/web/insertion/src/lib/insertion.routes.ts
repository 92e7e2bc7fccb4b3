import type { Route } from '@angular/router';
import { roleGuard } from '@oris/web/core';
import { unsavedChangesGuard } from '@oris/web/ui/dialogs';
import { PublicIndicatorsPage } from './public/public-indicators-page';

const staff = roleGuard('placement_officer', 'admin');
/** Partnership officers record the organisations their partnerships name. */
const organisationStaff = roleGuard('placement_officer', 'partnership_officer', 'admin');

/**
 * The public indicator page, `/indicators`: anyone, no sign-in. The page comes with this file
 * (itself loaded on demand), not in a second round of requests after it.
 */
export const publicIndicatorsRoutes: Route[] = [
  {
    path: '',
    title: 'insertion.public.title',
    component: PublicIndicatorsPage,
  },
];

/**
 * The placement officers' pages (administrators too). Route `title`s are translation keys. The
 * API enforces access; the guards only guide.
 */
export const insertionRoutes: Route[] = [
  {
    path: 'to-follow',
    title: 'insertion.toFollow.title',
    canActivate: [staff],
    loadComponent: () => import('./to-follow/to-follow-page').then((m) => m.ToFollowPage),
  },
  {
    path: 'people/:id',
    title: 'insertion.person.title',
    canActivate: [staff],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () =>
      import('./person/person-situation-page').then((m) => m.PersonSituationPage),
  },
  {
    path: 'placements',
    title: 'insertion.placements.title',
    canActivate: [staff],
    loadComponent: () => import('./placements/placements-page').then((m) => m.PlacementsPage),
  },
  {
    path: 'organisations',
    title: 'insertion.organisations.title',
    canActivate: [organisationStaff],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () =>
      import('./organisations/organisations-page').then((m) => m.OrganisationsPage),
  },
  {
    path: 'followups',
    title: 'insertion.followups.title',
    canActivate: [staff],
    loadComponent: () => import('./followups/followups-page').then((m) => m.FollowupsPage),
  },
  {
    path: 'rectification-requests',
    title: 'insertion.rectification.title',
    canActivate: [staff],
    loadComponent: () =>
      import('./rectification/rectification-queue-page').then((m) => m.RectificationQueuePage),
  },
  {
    path: 'dashboard',
    title: 'insertion.dashboard.title',
    canActivate: [staff],
    loadComponent: () =>
      import('./dashboard/insertion-dashboard-page').then((m) => m.InsertionDashboardPage),
  },
  { path: '', pathMatch: 'full', redirectTo: 'to-follow' },
];
