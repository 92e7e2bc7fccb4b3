import { inject, Injectable } from '@angular/core';
import { unwrap } from '@oris/shared/api-client';
import type { EnrollmentStatus } from '@oris/shared/domain';
import { ORIS_API, type PageOf } from '@oris/web/core';
import type {
  AttendanceEntry,
  AttendanceSheet,
  Enrollment,
  EnrollmentDetail,
} from '../shared/teaching-types';

/** The API's largest page: a session's enrollments fit in one or two. */
export const ENROLLMENTS_PAGE_SIZE = 100;

/** What the session's staff do with its enrollments and attendance. The API decides who may. */
@Injectable({ providedIn: 'root' })
export class EnrollmentsApi {
  private readonly api = inject(ORIS_API);

  list(
    sessionId: string,
    query: { page: number; pageSize: number; status?: EnrollmentStatus },
  ): Promise<PageOf<Enrollment>> {
    return unwrap(
      this.api.GET('/api/v1/sessions/{id}/enrollments', {
        params: { path: { id: sessionId }, query },
      }),
    );
  }

  detail(id: string): Promise<EnrollmentDetail> {
    return unwrap(this.api.GET('/api/v1/enrollments/{id}', { params: { path: { id } } }));
  }

  approve(id: string): Promise<Enrollment> {
    return unwrap(this.api.POST('/api/v1/enrollments/{id}/approve', { params: { path: { id } } }));
  }

  reject(id: string): Promise<Enrollment> {
    return unwrap(this.api.POST('/api/v1/enrollments/{id}/reject', { params: { path: { id } } }));
  }

  withdraw(id: string): Promise<Enrollment> {
    return unwrap(this.api.POST('/api/v1/enrollments/{id}/withdraw', { params: { path: { id } } }));
  }

  complete(
    id: string,
    answer: { completedOn?: string; earlyCompletionReason?: string } = {},
  ): Promise<EnrollmentDetail> {
    return unwrap(
      this.api.POST('/api/v1/enrollments/{id}/complete', {
        params: { path: { id } },
        body: {
          ...(answer.completedOn && { completedOn: answer.completedOn }),
          ...(answer.earlyCompletionReason && {
            earlyCompletionReason: answer.earlyCompletionReason,
          }),
        },
      }),
    );
  }

  markNotCompleted(id: string): Promise<EnrollmentDetail> {
    return unwrap(
      this.api.POST('/api/v1/enrollments/{id}/not-completed', { params: { path: { id } } }),
    );
  }

  attendance(sessionId: string): Promise<AttendanceSheet> {
    return unwrap(
      this.api.GET('/api/v1/sessions/{id}/attendance', { params: { path: { id: sessionId } } }),
    );
  }

  recordAttendance(
    sessionId: string,
    meetingId: string,
    entries: AttendanceEntry[],
  ): Promise<AttendanceSheet> {
    return unwrap(
      this.api.PUT('/api/v1/sessions/{id}/meetings/{meetingId}/attendance', {
        params: { path: { id: sessionId, meetingId } },
        body: { entries },
      }),
    );
  }
}
