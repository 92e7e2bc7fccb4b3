import { inject } from '@angular/core';
import type { Route } from '@angular/router';
import { AuthSession } from '@oris/web/core';

/** Feature pages load on demand; route `title`s are translation keys. */
export const appRoutes: Route[] = [
  {
    path: '',
    pathMatch: 'full',
    redirectTo: () => (inject(AuthSession).isSignedIn() ? '/profile' : '/sign-in'),
  },
  {
    path: '',
    loadChildren: () => import('@oris/web/identity').then((m) => m.identityRoutes),
  },
  {
    path: 'catalogue',
    loadChildren: () => import('@oris/web/catalogue').then((m) => m.catalogueRoutes),
  },
  {
    path: 'teaching',
    loadChildren: () => import('@oris/web/teaching').then((m) => m.teachingRoutes),
  },
  {
    path: 'admin',
    loadChildren: () => import('@oris/web/admin').then((m) => m.adminRoutes),
  },
  {
    path: 'forbidden',
    title: 'shell.forbidden.title',
    loadComponent: () => import('./pages/forbidden-page').then((m) => m.ForbiddenPage),
  },
  {
    path: '**',
    title: 'shell.notFound.title',
    loadComponent: () => import('./pages/not-found-page').then((m) => m.NotFoundPage),
  },
];
