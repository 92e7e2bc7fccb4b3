import type { Route } from '@angular/router';
import { roleGuard, signedInGuard } from '@oris/web/core';
import { VerifyPage } from './verify/verify-page';

/**
 * Public verification, visitors included: `/verify` and `/verify/:code` (the QR code's link). The
 * page comes with this file (itself loaded on demand), not in a second round of requests after it.
 */
export const verifyRoutes: Route[] = [
  {
    path: '',
    title: 'certificates.verify.title',
    component: VerifyPage,
  },
  {
    path: ':code',
    title: 'certificates.verify.title',
    component: VerifyPage,
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
