import type { Route } from '@angular/router';

/** The observatory's search, `/search`: anyone, no sign-in; its state is in the address. */
export const searchRoutes: Route[] = [
  {
    path: '',
    title: 'search.title',
    loadComponent: () => import('./search-page').then((m) => m.SearchPage),
  },
];
