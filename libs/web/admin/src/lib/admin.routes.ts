import type { Route } from '@angular/router';
import { roleGuard } from '@oris/web/core';

/** Route `title`s are translation keys (see the app's title strategy). */
export const adminRoutes: Route[] = [
  {
    path: '',
    canActivate: [roleGuard('admin')],
    children: [
      {
        path: 'overview',
        title: 'admin.overview.title',
        loadComponent: () => import('./overview/overview-page').then((m) => m.OverviewPage),
      },
      {
        path: 'users',
        title: 'admin.users.title',
        loadComponent: () => import('./users/users-page').then((m) => m.UsersPage),
      },
      {
        path: 'imports',
        title: 'admin.imports.title',
        loadComponent: () => import('./imports/imports-page').then((m) => m.ImportsPage),
      },
      {
        path: 'audit',
        title: 'admin.audit.title',
        loadComponent: () => import('./audit/audit-page').then((m) => m.AuditPage),
      },
      { path: '', pathMatch: 'full', redirectTo: 'overview' },
    ],
  },
];
