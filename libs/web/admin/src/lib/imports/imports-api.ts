import { inject, Injectable } from '@angular/core';
import { type components, unwrap } from '@oris/shared/api-client';
import { type CourseSummary, ORIS_API, type PageOf, type Session } from '@oris/web/core';

export type ImportReport = components['schemas']['ImportReportDto'];

/** Courses found by a search: a handful is enough to pick from. */
const COURSES_PAGE_SIZE = 20;
const SESSIONS_PAGE_SIZE = 100;

/** The administrators' CSV enrollment import, and the look-ups to choose its session. */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly api = inject(ORIS_API);

  async courses(q: string): Promise<CourseSummary[]> {
    const page = await unwrap(
      this.api.GET('/api/v1/courses', {
        params: { query: { q, page: 1, pageSize: COURSES_PAGE_SIZE } },
      }),
    );
    return page.items;
  }

  async sessions(courseId: string): Promise<Session[]> {
    const page: PageOf<Session> = await unwrap(
      this.api.GET('/api/v1/courses/{courseId}/sessions', {
        params: { path: { courseId }, query: { page: 1, pageSize: SESSIONS_PAGE_SIZE } },
      }),
    );
    return page.items;
  }

  session(id: string): Promise<Session> {
    return unwrap(this.api.GET('/api/v1/sessions/{id}', { params: { path: { id } } }));
  }

  /**
   * Checks (`dryRun`) or imports the file. The real run carries an idempotency key, so that a
   * retried request cannot enroll the same people twice.
   */
  run(sessionId: string, csv: string, dryRun: boolean): Promise<ImportReport> {
    return unwrap(
      this.api.POST('/api/v1/sessions/{id}/enrollments/import', {
        params: { path: { id: sessionId }, query: { dryRun } },
        body: { csv },
        ...(!dryRun && { headers: { 'Idempotency-Key': crypto.randomUUID() } }),
      }),
    );
  }
}
