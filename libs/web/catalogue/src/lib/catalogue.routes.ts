import type { Route } from '@angular/router';

/** Public pages, visitors included. Route `title`s are translation keys. */
export const catalogueRoutes: Route[] = [
  {
    path: '',
    title: 'catalogue.list.title',
    loadComponent: () => import('./list/catalogue-page').then((m) => m.CataloguePage),
  },
  {
    path: ':courseId',
    title: 'catalogue.course.title',
    loadComponent: () => import('./course/course-page').then((m) => m.CoursePage),
  },
];
