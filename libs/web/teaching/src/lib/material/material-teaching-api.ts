import { inject, Injectable } from '@angular/core';
import { ApiError, toApiError, unwrap, type components } from '@oris/shared/api-client';
import { AuthSession, ORIS_API } from '@oris/web/core';
import type { MaterialView } from '@oris/web/ui';

type Schemas = components['schemas'];
export type MaterialTitles = Schemas['MaterialTitlesDto'];
export type Material = Schemas['MaterialDto'] & MaterialView;

/** What a course's owner does with a module's material. The API decides who may. */
@Injectable({ providedIn: 'root' })
export class MaterialTeachingApi {
  private readonly api = inject(ORIS_API);
  private readonly session = inject(AuthSession);

  list(moduleId: string): Promise<Material[]> {
    return unwrap(
      this.api.GET('/api/v1/modules/{moduleId}/material', { params: { path: { moduleId } } }),
    ) as Promise<Material[]>;
  }

  addLink(moduleId: string, url: string, titles: MaterialTitles): Promise<Material> {
    return unwrap(
      this.api.POST('/api/v1/modules/{moduleId}/material/links', {
        params: { path: { moduleId } },
        body: { url, titles },
      }),
    ) as Promise<Material>;
  }

  reorder(moduleId: string, materialIds: string[]): Promise<Material[]> {
    return unwrap(
      this.api.PUT('/api/v1/modules/{moduleId}/material/order', {
        params: { path: { moduleId } },
        body: { materialIds },
      }),
    ) as Promise<Material[]>;
  }

  remove(id: string): Promise<void> {
    return unwrap(this.api.DELETE('/api/v1/material/{id}', { params: { path: { id } } })).then(
      () => undefined,
    );
  }

  /**
   * Sends the file's bytes as the body, reporting the share sent so far (0…1). Through
   * XMLHttpRequest because fetch reports no upload progress; the in-memory access token goes
   * with it as with every other call.
   */
  upload(
    moduleId: string,
    file: File,
    titles: MaterialTitles,
    progress: (sent: number) => void,
  ): Promise<Material> {
    const query = new URLSearchParams({ fileName: file.name });
    if (titles.fr) query.set('titleFr', titles.fr);
    if (titles.ar) query.set('titleAr', titles.ar);
    if (titles.en) query.set('titleEn', titles.en);
    return new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open(
        'POST',
        `/api/v1/modules/${encodeURIComponent(moduleId)}/material/files?${query}`,
      );
      request.setRequestHeader('Content-Type', 'application/octet-stream');
      const token = this.session.accessToken();
      if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
      request.responseType = 'json';
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) progress(event.loaded / event.total);
      };
      request.onload = () =>
        request.status === 201
          ? resolve(request.response as Material)
          : reject(toApiError(request.status, request.response));
      request.onerror = () => reject(new ApiError(0));
      request.send(file);
    });
  }
}
