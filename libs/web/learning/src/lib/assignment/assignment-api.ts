import { inject, Injectable } from '@angular/core';
import { type components, unwrap } from '@oris/shared/api-client';
import { ORIS_API } from '@oris/web/core';

type Schemas = components['schemas'];
export type LearnerAssignment = Schemas['LearnerAssignmentDto'];
export type AssignmentFile = Schemas['AssignmentFileDto'];

/** The raw upload's media type (the server recognises the kind from the bytes). */
const UPLOAD_TYPE = 'application/octet-stream';

/** The trainee's side of a module's assignment: a draft, its files, the submission, the feedback. */
@Injectable({ providedIn: 'root' })
export class LearnerAssignmentApi {
  private readonly api = inject(ORIS_API);

  overview(id: string, moduleId: string): Promise<LearnerAssignment> {
    return unwrap(
      this.api.GET('/api/v1/enrollments/{id}/modules/{moduleId}/assignment', {
        params: { path: { id, moduleId } },
      }),
    );
  }

  saveText(id: string, moduleId: string, text: string): Promise<LearnerAssignment> {
    return unwrap(
      this.api.PUT('/api/v1/enrollments/{id}/modules/{moduleId}/assignment/submission/text', {
        params: { path: { id, moduleId } },
        body: { text },
      }),
    );
  }

  addFile(id: string, moduleId: string, file: File): Promise<LearnerAssignment> {
    return unwrap(
      this.api.POST('/api/v1/enrollments/{id}/modules/{moduleId}/assignment/submission/files', {
        params: { path: { id, moduleId }, query: { name: file.name } },
        // The generated type says `string` for a binary body; the file goes through untouched.
        body: file as unknown as string,
        bodySerializer: (body: unknown) => body as Blob,
        headers: { 'Content-Type': UPLOAD_TYPE },
      }),
    );
  }

  removeFile(id: string, moduleId: string, fileId: string): Promise<LearnerAssignment> {
    return unwrap(
      this.api.DELETE(
        '/api/v1/enrollments/{id}/modules/{moduleId}/assignment/submission/files/{fileId}',
        { params: { path: { id, moduleId, fileId } } },
      ),
    );
  }

  submit(id: string, moduleId: string): Promise<LearnerAssignment> {
    return unwrap(
      this.api.POST('/api/v1/enrollments/{id}/modules/{moduleId}/assignment/submission/submit', {
        params: { path: { id, moduleId } },
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
}
