import type { Route } from '@angular/router';
import { roleGuard } from '@oris/web/core';
import { PublicImpactPage } from './public/public-impact-page';

const staff = roleGuard('admin', 'observatory_editor', 'partnership_officer', 'placement_officer');

/** The public impact page, `/impact`: anyone, no sign-in. */
export const publicImpactRoutes: Route[] = [
  { path: '', title: 'impact.public.title', component: PublicImpactPage },
];

/**
 * The staff impact pages under `/observatory/impact` (route `title`s are translation keys): the
 * four indicators of a year, and the records behind a figure, now or frozen. The API enforces
 * access; the guard only guides.
 */
export const impactRoutes: Route[] = [
  {
    path: '',
    title: 'impact.page.title',
    canActivate: [staff],
    loadComponent: () => import('./staff/impact-page').then((m) => m.ImpactPage),
  },
  {
    path: 'records/:indicator',
    title: 'impact.records.title',
    canActivate: [staff],
    loadComponent: () => import('./records/records-page').then((m) => m.ImpactRecordsPage),
  },
  {
    path: 'reports/:year/versions/:v/records/:indicator',
    title: 'impact.records.title',
    canActivate: [staff],
    loadComponent: () => import('./records/records-page').then((m) => m.ImpactRecordsPage),
  },
];
