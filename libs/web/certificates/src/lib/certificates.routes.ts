import type { Route } from '@angular/router';
import { roleGuard, signedInGuard } from '@oris/web/core';

/** Public verification, visitors included: `/verify` and `/verify/:code` (the QR code's link). */
export const verifyRoutes: Route[] = [
  {
    path: '',
    title: 'certificates.verify.title',
    loadComponent: () => import('./verify/verify-page').then((m) => m.VerifyPage),
  },
  {
    path: ':code',
    title: 'certificates.verify.title',
    loadComponent: () => import('./verify/verify-page').then((m) => m.VerifyPage),
  },
];

/** Route `title`s are translation keys. The API enforces access; the guards only guide. */
export const certificatesRoutes: Route[] = [
  {
    path: 'mine',
    title: 'certificates.mine.title',
    canActivate: [signedInGuard],
    loadComponent: () => import('./mine/my-certificates-page').then((m) => m.MyCertificatesPage),
  },
  {
    path: 'admin',
    title: 'certificates.admin.title',
    canActivate: [roleGuard('admin')],
    loadComponent: () =>
      import('./admin/admin-certificates-page').then((m) => m.AdminCertificatesPage),
  },
  { path: '', pathMatch: 'full', redirectTo: 'mine' },
];
