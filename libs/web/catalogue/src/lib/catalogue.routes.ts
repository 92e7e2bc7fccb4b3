import type { Route } from '@angular/router';
import { CoursePage } from './course/course-page';
import { CataloguePage } from './list/catalogue-page';

/**
 * Public pages, visitors included. Route `title`s are translation keys. The pages come with this
 * file, itself loaded on demand: a first visit fetches them with the library, not in a second
 * round of requests after it.
 */
export const catalogueRoutes: Route[] = [
  {
    path: '',
    title: 'catalogue.list.title',
    component: CataloguePage,
  },
  {
    path: ':courseId',
    title: 'catalogue.course.title',
    component: CoursePage,
  },
];
