import { inject, Injectable } from '@angular/core';
import { unwrap } from '@oris/shared/api-client';
import type { CourseStatus, SessionStatus } from '@oris/shared/domain';
import {
  type Course,
  type CourseSummary,
  ORIS_API,
  type PageOf,
  type Session,
} from '@oris/web/core';
import type {
  AdminCourseSummary,
  CourseModule,
  CreateCourseRequest,
  CreateModuleRequest,
  CreateSessionRequest,
  UpdateCourseRequest,
  UpdateModuleRequest,
  UpdateSessionRequest,
} from './shared/teaching-types';

/** Sessions of a course on one page: a course runs a handful of cohorts a year. */
const SESSIONS_PAGE_SIZE = 100;

/** What trainers and administrators do with courses, modules and sessions. The API decides who may. */
@Injectable({ providedIn: 'root' })
export class TeachingApi {
  private readonly api = inject(ORIS_API);

  myCourses(query: {
    page: number;
    pageSize: number;
    q?: string;
    status?: CourseStatus;
  }): Promise<PageOf<CourseSummary>> {
    return unwrap(this.api.GET('/api/v1/me/courses', { params: { query } }));
  }

  /** Every course, any status, with its owners (administrators only). */
  allCourses(query: {
    page: number;
    pageSize: number;
    q?: string;
    status?: CourseStatus;
  }): Promise<PageOf<AdminCourseSummary>> {
    return unwrap(this.api.GET('/api/v1/admin/courses', { params: { query } }));
  }

  course(id: string): Promise<Course> {
    return unwrap(this.api.GET('/api/v1/courses/{id}', { params: { path: { id } } }));
  }

  createCourse(body: CreateCourseRequest): Promise<Course> {
    return unwrap(this.api.POST('/api/v1/courses', { body }));
  }

  updateCourse(id: string, body: UpdateCourseRequest): Promise<Course> {
    return unwrap(this.api.PATCH('/api/v1/courses/{id}', { params: { path: { id } }, body }));
  }

  /** A new edition: a draft copy with its modules, quizzes and material (no sessions). */
  duplicateCourse(id: string, body: { code: string; title?: string }): Promise<Course> {
    return unwrap(
      this.api.POST('/api/v1/courses/{id}/duplicate', { params: { path: { id } }, body }),
    );
  }

  moveCourse(id: string, to: CourseStatus): Promise<Course> {
    const path = { params: { path: { id } } };
    return to === 'published'
      ? unwrap(this.api.POST('/api/v1/courses/{id}/publish', path))
      : unwrap(this.api.POST('/api/v1/courses/{id}/archive', path));
  }

  modules(courseId: string): Promise<CourseModule[]> {
    return unwrap(
      this.api.GET('/api/v1/courses/{courseId}/modules', { params: { path: { courseId } } }),
    );
  }

  createModule(courseId: string, body: CreateModuleRequest): Promise<CourseModule> {
    return unwrap(
      this.api.POST('/api/v1/courses/{courseId}/modules', { params: { path: { courseId } }, body }),
    );
  }

  updateModule(id: string, body: UpdateModuleRequest): Promise<CourseModule> {
    return unwrap(this.api.PATCH('/api/v1/modules/{id}', { params: { path: { id } }, body }));
  }

  publishModule(id: string): Promise<CourseModule> {
    return unwrap(this.api.POST('/api/v1/modules/{id}/publish', { params: { path: { id } } }));
  }

  reorderModules(courseId: string, moduleIds: string[]): Promise<CourseModule[]> {
    return unwrap(
      this.api.PUT('/api/v1/courses/{courseId}/modules/order', {
        params: { path: { courseId } },
        body: { moduleIds },
      }),
    );
  }

  sessions(courseId: string): Promise<PageOf<Session>> {
    return unwrap(
      this.api.GET('/api/v1/courses/{courseId}/sessions', {
        params: { path: { courseId }, query: { page: 1, pageSize: SESSIONS_PAGE_SIZE } },
      }),
    );
  }

  session(id: string): Promise<Session> {
    return unwrap(this.api.GET('/api/v1/sessions/{id}', { params: { path: { id } } }));
  }

  createSession(courseId: string, body: CreateSessionRequest): Promise<Session> {
    return unwrap(
      this.api.POST('/api/v1/courses/{courseId}/sessions', {
        params: { path: { courseId } },
        body,
      }),
    );
  }

  updateSession(id: string, body: UpdateSessionRequest): Promise<Session> {
    return unwrap(this.api.PATCH('/api/v1/sessions/{id}', { params: { path: { id } }, body }));
  }

  moveSession(id: string, status: SessionStatus): Promise<Session> {
    return unwrap(
      this.api.POST('/api/v1/sessions/{id}/status', { params: { path: { id } }, body: { status } }),
    );
  }
}
