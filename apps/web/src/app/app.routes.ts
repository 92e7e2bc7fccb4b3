import type { Route } from '@angular/router';
import { consentGuard, ENROLL_ACTION, signedInGuard } from '@oris/web/core';

/** Feature pages load on demand; route `title`s are translation keys. */
const featureRoutes: Route[] = [
  {
    // The front door, for visitors and signed-in people alike; signing in leads to one's work.
    path: '',
    pathMatch: 'full',
    title: 'home.title',
    loadComponent: () => import('./pages/home/home-page').then((m) => m.HomePage),
  },
  {
    path: '',
    loadChildren: () => import('@oris/web/identity').then((m) => m.identityRoutes),
  },
  {
    path: 'catalogue',
    // The course page's enroll control comes from the learning feature, through ENROLL_ACTION,
    // loaded when a course page asks for it: a visitor browsing the catalogue loads only the
    // catalogue. One import per lazy route, so that the server knows which chunks the page needs
    // (routeChunks in @oris/web/core).
    providers: [
      {
        provide: ENROLL_ACTION,
        useValue: () => import('@oris/web/learning').then((m) => m.loadEnrollAction()),
      },
    ],
    loadChildren: () => import('@oris/web/catalogue').then((m) => m.catalogueRoutes),
  },
  {
    path: 'learning',
    loadChildren: () => import('@oris/web/learning').then((m) => m.learningRoutes),
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
    path: 'verify',
    loadChildren: () => import('@oris/web/certificates').then((m) => m.verifyRoutes),
  },
  {
    path: 'certificates',
    loadChildren: () => import('@oris/web/certificates').then((m) => m.certificatesRoutes),
  },
  {
    path: 'indicators',
    loadChildren: () => import('@oris/web/insertion').then((m) => m.publicIndicatorsRoutes),
  },
  {
    path: 'insertion',
    loadChildren: () => import('@oris/web/insertion').then((m) => m.insertionRoutes),
  },
  {
    path: 'observatory/serials',
    loadChildren: () => import('@oris/web/publications').then((m) => m.serialsRoutes),
  },
  {
    path: 'observatory/indexes',
    loadChildren: () => import('@oris/web/publications').then((m) => m.indexesRoutes),
  },
  {
    path: 'observatory/tools',
    loadChildren: () => import('@oris/web/knowledge-tools').then((m) => m.toolsRoutes),
  },
  {
    path: 'tools',
    loadChildren: () => import('@oris/web/knowledge-tools').then((m) => m.publicToolsRoutes),
  },
  {
    path: 'publications',
    loadChildren: () => import('@oris/web/publications').then((m) => m.publicPublicationsRoutes),
  },
  {
    path: 'search',
    loadChildren: () => import('@oris/web/search').then((m) => m.searchRoutes),
  },
  {
    path: 'observatory/publications',
    loadChildren: () => import('@oris/web/publications').then((m) => m.staffPublicationsRoutes),
  },
  {
    path: 'practices',
    loadChildren: () => import('@oris/web/practices').then((m) => m.publicPracticesRoutes),
  },
  {
    path: 'observatory/practices',
    loadChildren: () => import('@oris/web/practices').then((m) => m.practicesRoutes),
  },
  {
    path: 'observatory/partnerships',
    loadChildren: () => import('@oris/web/partnerships').then((m) => m.partnershipsRoutes),
  },
  {
    path: 'observatory/impact',
    loadChildren: () => import('@oris/web/impact').then((m) => m.impactRoutes),
  },
  {
    path: 'impact',
    loadChildren: () => import('@oris/web/impact').then((m) => m.publicImpactRoutes),
  },
  {
    path: 'notifications',
    canActivate: [signedInGuard],
    title: 'notifications.title',
    loadComponent: () =>
      import('./pages/notifications/notifications-page').then((m) => m.NotificationsPage),
  },
  {
    // The emailed unsubscribe link of an announcement: no guard, the token is the credential.
    path: 'unsubscribe',
    loadChildren: () => import('@oris/web/learning').then((m) => m.unsubscribeRoutes),
  },
  {
    // The emailed follow-up link: no guard, the token is the credential.
    path: 'survey',
    loadChildren: () => import('@oris/web/survey').then((m) => m.surveyRoutes),
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

/**
 * Every page waits for the personal-data notice to be answered when it must be (the notice page
 * itself excepted, see consentGuard).
 */
export const appRoutes: Route[] = featureRoutes.map((route) =>
  route.redirectTo !== undefined
    ? route
    : { ...route, canActivate: [consentGuard], canActivateChild: [consentGuard] },
);
