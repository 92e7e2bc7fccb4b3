import { inject, Injectable } from '@angular/core';
import { type components, unwrap } from '@oris/shared/api-client';
import { ORIS_API } from '@oris/web/core';

type Schemas = components['schemas'];
export type AssignmentSettings = Schemas['AssignmentDto'];
export type AssignmentInput = Schemas['AssignmentInputDto'];
export type GradingQueue = Schemas['GradingQueueDto'];
export type GradingSubmission = Schemas['GradingSubmissionDto'];
export type GradeInput = Schemas['GradeInputDto'];
export type Gradebook = Schemas['GradebookDto'];
export type QueueState = GradingQueue['state'];
export type SubmittedFile = Schemas['AssignmentFileDto'];

const UPLOAD_TYPE = 'application/octet-stream';

/** Submissions of the grading queue, and trainees of the gradebook, per page. */
export const GRADING_PAGE_SIZE = 20;

/** A module's assignment, a session's grading queue and gradebook, for trainers and admins. */
@Injectable({ providedIn: 'root' })
export class AssignmentTeachingApi {
  private readonly api = inject(ORIS_API);

  get(moduleId: string): Promise<AssignmentSettings> {
    return unwrap(
      this.api.GET('/api/v1/modules/{moduleId}/assignment', { params: { path: { moduleId } } }),
    );
  }

  put(moduleId: string, body: AssignmentInput): Promise<AssignmentSettings> {
    return unwrap(
      this.api.PUT('/api/v1/modules/{moduleId}/assignment', {
        params: { path: { moduleId } },
        body,
      }),
    );
  }

  queue(sessionId: string, state: QueueState, page = 1): Promise<GradingQueue> {
    return unwrap(
      this.api.GET('/api/v1/sessions/{sessionId}/assignment-submissions', {
        params: { path: { sessionId }, query: { state, page, pageSize: GRADING_PAGE_SIZE } },
      }),
    );
  }

  submission(submissionId: string): Promise<GradingSubmission> {
    return unwrap(
      this.api.GET('/api/v1/assignment-submissions/{submissionId}', {
        params: { path: { submissionId } },
      }),
    );
  }

  grade(submissionId: string, body: GradeInput): Promise<GradingSubmission> {
    return unwrap(
      this.api.POST('/api/v1/assignment-submissions/{submissionId}/grade', {
        params: { path: { submissionId } },
        body,
      }),
    );
  }

  addFeedbackFile(submissionId: string, file: File): Promise<GradingSubmission> {
    return unwrap(
      this.api.POST('/api/v1/assignment-submissions/{submissionId}/feedback-files', {
        params: { path: { submissionId }, query: { name: file.name } },
        // The generated type says `string` for a binary body; the file goes through untouched.
        body: file as unknown as string,
        bodySerializer: (body: unknown) => body as Blob,
        headers: { 'Content-Type': UPLOAD_TYPE },
      }),
    );
  }

  download(fileId: string): Promise<Blob> {
    return unwrap(
      this.api.GET('/api/v1/assignment-files/{fileId}', {
        params: { path: { fileId } },
        parseAs: 'blob',
      }),
    ) as Promise<unknown> as Promise<Blob>;
  }

  gradebook(sessionId: string, page = 1): Promise<Gradebook> {
    return unwrap(
      this.api.GET('/api/v1/sessions/{sessionId}/gradebook', {
        params: { path: { sessionId }, query: { page, pageSize: GRADING_PAGE_SIZE } },
      }),
    );
  }

  export(sessionId: string, format: 'csv' | 'xlsx', lang: 'fr' | 'ar' | 'en'): Promise<Blob> {
    const path =
      format === 'csv'
        ? ('/api/v1/sessions/{sessionId}/gradebook.csv' as const)
        : ('/api/v1/sessions/{sessionId}/gradebook.xlsx' as const);
    return unwrap(
      this.api.GET(path, { params: { path: { sessionId }, query: { lang } }, parseAs: 'blob' }),
    ) as Promise<unknown> as Promise<Blob>;
  }
}
