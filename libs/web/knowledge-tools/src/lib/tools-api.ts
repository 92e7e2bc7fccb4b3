import { inject, Injectable } from '@angular/core';
import { unwrap } from '@oris/shared/api-client';
import { ORIS_API } from '@oris/web/core';
import type {
  LinkVersionInput,
  PageOf,
  PublicToolQuery,
  Tool,
  ToolChange,
  ToolInput,
  ToolQuery,
  ToolSummary,
  UploadQuery,
} from './shared/tool-types';

/** The knowledge-tools registry (staff) and its public catalogue. */
@Injectable({ providedIn: 'root' })
export class ToolsApi {
  private readonly api = inject(ORIS_API);

  list(query: ToolQuery): Promise<PageOf<ToolSummary>> {
    return unwrap(this.api.GET('/api/v1/tools', { params: { query } })) as Promise<
      PageOf<ToolSummary>
    >;
  }

  get(id: string): Promise<Tool> {
    return unwrap(this.api.GET('/api/v1/tools/{id}', { params: { path: { id } } }));
  }

  create(body: ToolInput): Promise<Tool> {
    return unwrap(this.api.POST('/api/v1/tools', { body }));
  }

  change(id: string, body: ToolChange): Promise<Tool> {
    return unwrap(this.api.PATCH('/api/v1/tools/{id}', { params: { path: { id } }, body }));
  }

  addLink(id: string, body: LinkVersionInput): Promise<Tool> {
    return unwrap(this.api.POST('/api/v1/tools/{id}/versions', { params: { path: { id } }, body }));
  }

  /** Sends the file's bytes as the body: the API hashes exactly what it receives. */
  async upload(id: string, query: UploadQuery, file: Blob): Promise<Tool> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return unwrap(
      this.api.POST('/api/v1/tools/{id}/versions/upload', {
        params: { path: { id }, query },
        // The generated type says `string` for a binary body; the bytes go through untouched.
        body: bytes as unknown as string,
        bodySerializer: (body: unknown) => body as Uint8Array<ArrayBuffer>,
        headers: { 'Content-Type': 'application/octet-stream' },
      }),
    );
  }

  validate(id: string): Promise<Tool> {
    return unwrap(this.api.POST('/api/v1/tools/{id}/validate', { params: { path: { id } } }));
  }

  publicList(query: PublicToolQuery): Promise<PageOf<ToolSummary>> {
    return unwrap(this.api.GET('/api/v1/public/tools', { params: { query } })) as Promise<
      PageOf<ToolSummary>
    >;
  }

  publicGet(id: string): Promise<Tool> {
    return unwrap(this.api.GET('/api/v1/public/tools/{id}', { params: { path: { id } } }));
  }
}
