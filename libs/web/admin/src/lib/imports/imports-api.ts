import { inject, Injectable } from '@angular/core';
import { type components, unwrap } from '@oris/shared/api-client';
import { type CourseSummary, ORIS_API, type PageOf, type Session } from '@oris/web/core';

export type ImportReport = components['schemas']['ImportReportDto'];
export type RejectedFile = components['schemas']['RejectedFileDto'];

/** The file as the API takes it: CSV text, or an .xlsx in base64. */
export type ImportFile = { csv: string } | { xlsx: string };
export type TemplateFormat = 'csv' | 'xlsx';
export type TemplateLanguage = 'fr' | 'ar' | 'en' | 'codes';

export interface ImportRun {
  dryRun: boolean;
  /** The administrator's explicit choice: the valid rows go in, the rest come back as a file. */
  validRowsOnly: boolean;
  /** The language of the rejected rows' error column. */
  locale: 'fr' | 'ar' | 'en';
}

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
  run(sessionId: string, file: ImportFile, run: ImportRun): Promise<ImportReport> {
    const { dryRun, validRowsOnly, locale } = run;
    return unwrap(
      this.api.POST('/api/v1/sessions/{id}/enrollments/import', {
        params: {
          path: { id: sessionId },
          query: { dryRun, ...(validRowsOnly && { validRowsOnly, locale }) },
        },
        body: file,
        ...(!dryRun && { headers: { 'Idempotency-Key': crypto.randomUUID() } }),
      }),
    );
  }

  /** A file to start from, written by the API (the Excel library stays on the server). */
  template(format: TemplateFormat, language: TemplateLanguage): Promise<Blob> {
    return unwrap(
      this.api.GET('/api/v1/enrollment-imports/template', {
        params: { query: { format, language } },
        parseAs: 'blob',
      }),
    ) as Promise<unknown> as Promise<Blob>;
  }
}
