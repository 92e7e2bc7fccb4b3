import { inject, Injectable } from '@angular/core';
import { unwrap } from '@oris/shared/api-client';
import { ORIS_API } from '@oris/web/core';
import type {
  ExportQuery,
  ImportFormat,
  ImportReport,
  PageOf,
  Publication,
  PublicationChange,
  PublicationDetail,
  PublicationInput,
  PublicationQuery,
} from './publication-types';

/** The publications registry, through the generated client. */
@Injectable({ providedIn: 'root' })
export class PublicationsApi {
  private readonly api = inject(ORIS_API);

  list(query: PublicationQuery): Promise<PageOf<Publication>> {
    return unwrap(this.api.GET('/api/v1/publications', { params: { query } })) as Promise<
      PageOf<Publication>
    >;
  }

  get(id: string): Promise<PublicationDetail> {
    return unwrap(this.api.GET('/api/v1/publications/{id}', { params: { path: { id } } }));
  }

  create(input: PublicationInput): Promise<PublicationDetail> {
    return unwrap(this.api.POST('/api/v1/publications', { body: input }));
  }

  change(id: string, change: PublicationChange): Promise<PublicationDetail> {
    return unwrap(
      this.api.PATCH('/api/v1/publications/{id}', { params: { path: { id } }, body: change }),
    );
  }

  validate(id: string): Promise<PublicationDetail> {
    return unwrap(
      this.api.POST('/api/v1/publications/{id}/validate', { params: { path: { id } } }),
    );
  }

  withdraw(id: string): Promise<PublicationDetail> {
    return unwrap(
      this.api.POST('/api/v1/publications/{id}/withdraw', { params: { path: { id } } }),
    );
  }

  merge(id: string, duplicateId: string): Promise<PublicationDetail> {
    return unwrap(
      this.api.POST('/api/v1/publications/{id}/merge', {
        params: { path: { id } },
        body: { duplicateId },
      }),
    );
  }

  importCitations(format: ImportFormat, text: string, dryRun: boolean): Promise<ImportReport> {
    return unwrap(
      this.api.POST('/api/v1/publications/import', {
        params: { query: { dryRun } },
        body: { format: format as 'bibtex', text },
      }),
    );
  }

  exportFile(query: ExportQuery): Promise<Blob> {
    return unwrap(
      this.api.GET('/api/v1/publications/export', { params: { query }, parseAs: 'blob' }),
    ) as Promise<unknown> as Promise<Blob>;
  }
}
