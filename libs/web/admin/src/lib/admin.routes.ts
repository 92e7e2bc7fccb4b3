import type { Route } from '@angular/router';
import { roleGuard } from '@oris/web/core';
import { providePaginatorTranslations } from './users/paginator-translations';

/** Route `title`s are translation keys (see the app's title strategy). */
export const adminRoutes: Route[] = [
  {
    path: '',
    canActivate: [roleGuard('admin')],
    providers: [providePaginatorTranslations()],
    children: [
      {
        path: 'users',
        title: 'admin.users.title',
        loadComponent: () => import('./users/users-page').then((m) => m.UsersPage),
      },
      { path: '', pathMatch: 'full', redirectTo: 'users' },
    ],
  },
];
