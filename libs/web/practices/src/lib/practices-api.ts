import { inject, Injectable } from '@angular/core';
import { unwrap } from '@oris/shared/api-client';
import type { Locale } from '@oris/shared/domain';
import { ORIS_API } from '@oris/web/core';
import type {
  AttachmentQuery,
  CommentInput,
  LinkKind,
  LinkOption,
  Practice,
  PracticeChange,
  PracticeComment,
  PracticeDiff,
  PracticeInput,
  PracticeQuery,
  PracticeSummary,
  PracticeVersion,
  ReviewInput,
} from './shared/practice-types';

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const path = (id: string) => ({ params: { path: { id } } });

/** The practice library's routes (staff and public), and what a sheet links to. */
@Injectable({ providedIn: 'root' })
export class PracticesApi {
  private readonly api = inject(ORIS_API);

  /** Editors get every sheet's working state; anyone else the published sheets. */
  list(query: PracticeQuery): Promise<PageOf<PracticeSummary>> {
    return unwrap(this.api.GET('/api/v1/practices', { params: { query } })) as Promise<
      PageOf<PracticeSummary>
    >;
  }

  /** By id or slug: the working state for editors, the last published version for anyone else. */
  get(id: string): Promise<Practice> {
    return unwrap(this.api.GET('/api/v1/practices/{id}', path(id)));
  }

  /** By id or slug, the last published version, whoever asks (the public pages). */
  getPublished(id: string): Promise<Practice> {
    return unwrap(
      this.api.GET('/api/v1/practices/{id}', {
        params: { path: { id }, query: { view: 'public' } },
      }),
    );
  }

  create(body: PracticeInput): Promise<Practice> {
    return unwrap(this.api.POST('/api/v1/practices', { body }));
  }

  /** `version` is the one the editor started from: 412 when someone saved a newer one. */
  change(id: string, body: PracticeChange, version: number): Promise<Practice> {
    return unwrap(
      this.api.PATCH('/api/v1/practices/{id}', {
        ...path(id),
        body,
        headers: { 'If-Match': `"${version}"` },
      }),
    );
  }

  submit(id: string): Promise<Practice> {
    return unwrap(this.api.POST('/api/v1/practices/{id}/submit', path(id)));
  }

  /** `assess` (evidence level and justification) or `return` (to draft, with comments). */
  review(id: string, body: ReviewInput): Promise<Practice> {
    return unwrap(this.api.POST('/api/v1/practices/{id}/review', { ...path(id), body }));
  }

  publish(id: string): Promise<Practice> {
    return unwrap(this.api.POST('/api/v1/practices/{id}/publish', path(id)));
  }

  archive(id: string): Promise<Practice> {
    return unwrap(this.api.POST('/api/v1/practices/{id}/archive', path(id)));
  }

  reopen(id: string): Promise<Practice> {
    return unwrap(this.api.POST('/api/v1/practices/{id}/reopen', { ...path(id), body: {} }));
  }

  comments(id: string): Promise<PracticeComment[]> {
    return unwrap(this.api.GET('/api/v1/practices/{id}/comments', path(id)));
  }

  addComment(id: string, body: CommentInput): Promise<PracticeComment> {
    return unwrap(this.api.POST('/api/v1/practices/{id}/comments', { ...path(id), body }));
  }

  resolveComment(id: string, commentId: string): Promise<PracticeComment> {
    return unwrap(
      this.api.POST('/api/v1/practices/{id}/comments/{commentId}/resolve', {
        params: { path: { id, commentId } },
      }),
    );
  }

  versions(id: string): Promise<PracticeVersion[]> {
    return unwrap(this.api.GET('/api/v1/practices/{id}/versions', path(id)));
  }

  /** What changed in version `number` since version `against`. */
  diff(id: string, number: number, against: number): Promise<PracticeDiff> {
    return unwrap(
      this.api.GET('/api/v1/practices/{id}/versions/{number}/diff', {
        params: { path: { id, number }, query: { against } },
      }),
    );
  }

  /** Sends the file's bytes as the body: the API hashes exactly what it receives. */
  async attach(id: string, query: AttachmentQuery, file: Blob): Promise<Practice> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return unwrap(
      this.api.POST('/api/v1/practices/{id}/attachments', {
        params: { path: { id }, query },
        // The generated type says `string` for a binary body; the bytes go through untouched.
        body: bytes as unknown as string,
        bodySerializer: (body: unknown) => body as Uint8Array<ArrayBuffer>,
        headers: { 'Content-Type': 'application/octet-stream' },
      }),
    );
  }

  /**
   * Removes a file from the sheet, from the version the editor read (`version`): 412 when
   * someone saved a newer one. The answer is the sheet's new version.
   */
  removeAttachment(id: string, attachmentId: string, version: number): Promise<Practice> {
    return unwrap(
      this.api.DELETE('/api/v1/practices/{id}/attachments/{attachmentId}', {
        params: { path: { id, attachmentId }, header: { 'If-Match': `"${version}"` } },
      }),
    );
  }

  /** Finds what a sheet may link to, through each registry's own list (first 10 matches). */
  async findLinkable(kind: LinkKind, q: string, lang: Locale): Promise<LinkOption[]> {
    const query = { q, page: 1, pageSize: 10 };
    switch (kind) {
      case 'tool': {
        const page = await unwrap(this.api.GET('/api/v1/tools', { params: { query } }));
        return page.items.map((tool) => ({
          id: tool.id,
          title: tool.titles[lang] ?? tool.titles[tool.originalLanguage] ?? tool.id,
        }));
      }
      case 'publication': {
        const page = await unwrap(this.api.GET('/api/v1/publications', { params: { query } }));
        return page.items.map((publication) => ({ id: publication.id, title: publication.title }));
      }
      case 'course': {
        const page = await unwrap(this.api.GET('/api/v1/courses', { params: { query } }));
        return page.items.map((course) => ({ id: course.id, title: course.title }));
      }
      case 'partnership': {
        const page = await unwrap(this.api.GET('/api/v1/partnerships', { params: { query } }));
        return page.items.map((partnership) => ({ id: partnership.id, title: partnership.title }));
      }
    }
  }
}

/** Where the sheet's PDF is (public, no sign-in): in the given languages, the original first. */
export const practicePdfUrl = (slug: string, languages: readonly string[]) =>
  `/api/v1/practices/${encodeURIComponent(slug)}/pdf?languages=${languages.join(',')}`;
