import type { Route } from '@angular/router';
import { roleGuard } from '@oris/web/core';
import { unsavedChangesGuard } from '@oris/web/ui/dialogs';

const editors = roleGuard('observatory_editor', 'admin');

/**
 * `/observatory/serials`: the observatory editors' serials, their coverage by each index and the
 * coverage-list import (administrators too). Route `title`s are translation keys; the API
 * enforces access, the guards only guide.
 */
export const serialsRoutes: Route[] = [
  {
    path: '',
    title: 'serials.list.title',
    canActivate: [editors],
    loadComponent: () => import('./serials-page').then((m) => m.SerialsPage),
  },
  {
    path: 'import',
    title: 'serials.import.title',
    canActivate: [editors],
    loadComponent: () => import('./coverage-import-page').then((m) => m.CoverageImportPage),
  },
  {
    path: 'new',
    title: 'serials.form.createTitle',
    canActivate: [editors],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./serial-page').then((m) => m.SerialPage),
  },
  {
    path: ':id',
    title: 'serials.detail.title',
    canActivate: [editors],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./serial-page').then((m) => m.SerialPage),
  },
];

/** `/observatory/indexes`: the reference list of indexes; which count is an administrator's choice. */
export const indexesRoutes: Route[] = [
  {
    path: '',
    title: 'serials.indexes.title',
    canActivate: [editors],
    loadComponent: () => import('./indexes-page').then((m) => m.IndexesPage),
  },
];
