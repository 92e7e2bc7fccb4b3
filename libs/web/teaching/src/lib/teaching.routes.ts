import type { Route } from '@angular/router';
import { roleGuard } from '@oris/web/core';
import { unsavedChangesGuard } from '@oris/web/ui/dialogs';

/** The trainers' area (administrators too). Route `title`s are translation keys. */
export const teachingRoutes: Route[] = [
  {
    path: '',
    canActivate: [roleGuard('trainer', 'admin')],
    children: [
      {
        path: '',
        title: 'teaching.myCourses.title',
        loadComponent: () => import('./my-courses/my-courses-page').then((m) => m.MyCoursesPage),
      },
      {
        path: 'courses/new',
        canDeactivate: [unsavedChangesGuard],
        title: 'teaching.courseEditor.newTitle',
        loadComponent: () =>
          import('./course-editor/course-editor-page').then((m) => m.CourseEditorPage),
      },
      {
        path: 'courses/:courseId',
        title: 'teaching.workspace.title',
        loadComponent: () =>
          import('./course-workspace/course-workspace-page').then((m) => m.CourseWorkspacePage),
      },
      {
        path: 'courses/:courseId/edit',
        canDeactivate: [unsavedChangesGuard],
        title: 'teaching.courseEditor.editTitle',
        loadComponent: () =>
          import('./course-editor/course-editor-page').then((m) => m.CourseEditorPage),
      },
      {
        path: 'courses/:courseId/modules/new',
        canDeactivate: [unsavedChangesGuard],
        title: 'teaching.moduleEditor.newTitle',
        loadComponent: () =>
          import('./module-editor/module-editor-page').then((m) => m.ModuleEditorPage),
      },
      {
        path: 'courses/:courseId/modules/:moduleId',
        canDeactivate: [unsavedChangesGuard],
        title: 'teaching.moduleEditor.editTitle',
        loadComponent: () =>
          import('./module-editor/module-editor-page').then((m) => m.ModuleEditorPage),
      },
      {
        path: 'courses/:courseId/modules/:moduleId/quiz',
        canDeactivate: [unsavedChangesGuard],
        title: 'quiz.editor.title',
        loadComponent: () => import('./quiz/quiz-editor-page').then((m) => m.QuizEditorPage),
      },
      {
        path: 'courses/:courseId/modules/:moduleId/assignment',
        canDeactivate: [unsavedChangesGuard],
        title: 'assignments.editor.title',
        loadComponent: () =>
          import('./assignment/assignment-editor-page').then((m) => m.AssignmentEditorPage),
      },
      {
        path: 'sessions/:sessionId/grading',
        title: 'assignments.queue.title',
        loadComponent: () =>
          import('./assignment/grading-queue-page').then((m) => m.GradingQueuePage),
      },
      {
        path: 'submissions/:submissionId',
        canDeactivate: [unsavedChangesGuard],
        title: 'assignments.grading.pageTitle',
        loadComponent: () => import('./assignment/grading-page').then((m) => m.GradingPage),
      },
      {
        path: 'quizzes/:quizId/results',
        title: 'quiz.results.title',
        loadComponent: () => import('./quiz/quiz-results-page').then((m) => m.QuizResultsPage),
      },
      {
        path: 'courses/:courseId/sessions/new',
        canDeactivate: [unsavedChangesGuard],
        title: 'teaching.sessionEditor.newTitle',
        loadComponent: () =>
          import('./session-editor/session-editor-page').then((m) => m.SessionEditorPage),
      },
      {
        path: 'sessions/:sessionId',
        canDeactivate: [unsavedChangesGuard],
        title: 'teaching.sessionEditor.editTitle',
        loadComponent: () =>
          import('./session-editor/session-editor-page').then((m) => m.SessionEditorPage),
      },
      {
        path: 'sessions/:sessionId/enrollments',
        title: 'teaching.enrollments.title',
        loadComponent: () =>
          import('./enrollments/session-enrollments-page').then((m) => m.SessionEnrollmentsPage),
      },
      {
        path: 'sessions/:sessionId/announcements',
        title: 'announcements.board.heading',
        loadComponent: () =>
          import('./announcements/session-announcements-board').then(
            (m) => m.SessionAnnouncementsBoard,
          ),
      },
      {
        path: 'sessions/:sessionId/attendance',
        title: 'teaching.attendance.title',
        loadComponent: () => import('./enrollments/attendance-page').then((m) => m.AttendancePage),
      },
    ],
  },
];
