import type { Route } from '@angular/router';
import { roleGuard } from '@oris/web/core';
import { unsavedChangesGuard } from '@oris/web/ui/dialogs';

const readers = roleGuard('observatory_editor', 'partnership_officer', 'admin');
const writers = roleGuard('observatory_editor', 'admin');

/** The staff pages, `/observatory/tools`. The API enforces access; the guards only guide. */
export const toolsRoutes: Route[] = [
  {
    path: '',
    title: 'tools.staff.title',
    canActivate: [readers],
    loadComponent: () => import('./staff/tools-page').then((m) => m.ToolsPage),
  },
  {
    path: 'new',
    title: 'tools.form.createTitle',
    canActivate: [writers],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./staff/tool-form-page').then((m) => m.ToolFormPage),
  },
  {
    path: ':id/edit',
    title: 'tools.form.editTitle',
    canActivate: [writers],
    canDeactivate: [unsavedChangesGuard],
    loadComponent: () => import('./staff/tool-form-page').then((m) => m.ToolFormPage),
  },
  {
    path: ':id',
    title: 'tools.detail.title',
    canActivate: [readers],
    loadComponent: () => import('./staff/tool-page').then((m) => m.ToolPage),
  },
];

/** The public catalogue, `/tools`: anyone, no sign-in. */
export const publicToolsRoutes: Route[] = [
  {
    path: '',
    title: 'tools.public.title',
    loadComponent: () => import('./public/public-tools-page').then((m) => m.PublicToolsPage),
  },
  {
    path: ':id',
    title: 'tools.public.toolTitle',
    loadComponent: () => import('./public/public-tool-page').then((m) => m.PublicToolPage),
  },
];
