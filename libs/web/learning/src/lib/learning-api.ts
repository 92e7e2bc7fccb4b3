import { inject, Injectable } from '@angular/core';
import { unwrap } from '@oris/shared/api-client';
import { ORIS_API, type PageOf } from '@oris/web/core';
import type {
  CalendarFeed,
  CalendarFeedLink,
  EnrollRequest,
  Enrollment,
  EnrollmentDetail,
  EnrollmentModules,
  LearnerModule,
  ModuleCompletion,
  Timetable,
} from './shared/learning-types';

/** What a trainee does with their own enrollments. The API decides who may. */
@Injectable({ providedIn: 'root' })
export class LearningApi {
  private readonly api = inject(ORIS_API);

  myEnrollments(query: { page: number; pageSize: number }): Promise<PageOf<Enrollment>> {
    return unwrap(this.api.GET('/api/v1/me/enrollments', { params: { query } }));
  }

  /** `idempotencyKey` makes a retried request (double click, lost answer) enroll only once. */
  enroll(sessionId: string, body: EnrollRequest, idempotencyKey: string): Promise<Enrollment> {
    return unwrap(
      this.api.POST('/api/v1/sessions/{id}/enrollments', {
        params: { path: { id: sessionId }, header: { 'Idempotency-Key': idempotencyKey } },
        body,
      }),
    );
  }

  enrollment(id: string): Promise<EnrollmentDetail> {
    return unwrap(this.api.GET('/api/v1/enrollments/{id}', { params: { path: { id } } }));
  }

  withdraw(id: string): Promise<Enrollment> {
    return unwrap(this.api.POST('/api/v1/enrollments/{id}/withdraw', { params: { path: { id } } }));
  }

  async modules(id: string): Promise<EnrollmentModules> {
    const outline = await unwrap(
      this.api.GET('/api/v1/enrollments/{id}/modules', { params: { path: { id } } }),
    );
    // See `LearnerModuleOutline`: the generated type names the wrong module fields.
    return outline as unknown as EnrollmentModules;
  }

  module(id: string, moduleId: string): Promise<LearnerModule> {
    return unwrap(
      this.api.GET('/api/v1/enrollments/{id}/modules/{moduleId}', {
        params: { path: { id, moduleId } },
      }),
    );
  }

  completeModule(id: string, moduleId: string): Promise<ModuleCompletion> {
    return unwrap(
      this.api.POST('/api/v1/enrollments/{id}/modules/{moduleId}/complete', {
        params: { path: { id, moduleId } },
      }),
    );
  }

  timetable(id: string): Promise<Timetable> {
    return unwrap(this.api.GET('/api/v1/enrollments/{id}/timetable', { params: { path: { id } } }));
  }

  /** Through the client so the in-memory bearer token goes with it (a plain link would not). */
  calendarFile(id: string): Promise<Blob> {
    return unwrap(
      this.api.GET('/api/v1/enrollments/{id}/calendar.ics', {
        params: { path: { id } },
        parseAs: 'blob',
      }),
    ) as Promise<unknown> as Promise<Blob>;
  }

  calendarFeed(): Promise<CalendarFeed> {
    return unwrap(this.api.GET('/api/v1/me/calendar-feed'));
  }

  newCalendarFeed(): Promise<CalendarFeedLink> {
    return unwrap(this.api.POST('/api/v1/me/calendar-feed'));
  }

  async revokeCalendarFeed(): Promise<void> {
    await unwrap(this.api.DELETE('/api/v1/me/calendar-feed'));
  }
}
