import type { Route } from '@angular/router';
import { signedInGuard } from '@oris/web/core';

/**
 * The trainee's own learning. Signed-in people only; the API shows each person their own
 * enrollments and nobody else's. Route `title`s are translation keys.
 */
export const learningRoutes: Route[] = [
  {
    path: '',
    canActivate: [signedInGuard],
    children: [
      {
        path: '',
        title: 'learning.my.title',
        loadComponent: () => import('./my-learning/my-learning-page').then((m) => m.MyLearningPage),
      },
      {
        path: 'sessions/:sessionId/announcements',
        title: 'announcements.learner.heading',
        loadComponent: () =>
          import('./announcements/session-announcements-page').then(
            (m) => m.SessionAnnouncementsPage,
          ),
      },
      {
        path: ':enrollmentId',
        title: 'learning.outline.title',
        loadComponent: () =>
          import('./outline/course-outline-page').then((m) => m.CourseOutlinePage),
      },
      {
        path: ':enrollmentId/modules/:moduleId',
        title: 'learning.module.title',
        loadComponent: () => import('./module/module-viewer-page').then((m) => m.ModuleViewerPage),
      },
      {
        path: ':enrollmentId/modules/:moduleId/quiz',
        title: 'quiz.title',
        loadComponent: () => import('./quiz/quiz-page').then((m) => m.QuizPage),
      },
      {
        path: ':enrollmentId/modules/:moduleId/assignment',
        title: 'assignments.title',
        loadComponent: () => import('./assignment/assignment-page').then((m) => m.AssignmentPage),
      },
    ],
  },
];

/** The emailed unsubscribe link of an announcement: public, the token is the credential. */
export const unsubscribeRoutes: Route[] = [
  {
    path: '',
    title: 'announcements.unsubscribe.heading',
    loadComponent: () => import('./announcements/unsubscribe-page').then((m) => m.UnsubscribePage),
  },
];
