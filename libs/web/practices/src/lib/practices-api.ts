import { inject, Injectable } from '@angular/core';
import { unwrap } from '@oris/shared/api-client';
import { ORIS_API } from '@oris/web/core';
import type { Locale } from '@oris/shared/domain';
import type {
  CommentInput,
  LinkKind,
  LinkOption,
  PageOf,
  Practice,
  PracticeContent,
  PracticeDiff,
  PracticeQuery,
  PracticeSummary,
  PracticeVersion,
  PublicPractice,
  ReviewInput,
  Texts,
} from './shared/practice-types';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Init {
  params?: { query?: object };
  body?: unknown;
  headers?: Record<string, string>;
  bodySerializer?: (body: unknown) => unknown;
}
type Untyped = Record<
  Method,
  (path: string, init?: Init) => Promise<{ data?: unknown; error?: unknown; response: Response }>
>;

const BASE = '/api/v1/practices';
const at = (id: string, ...rest: (string | number)[]) =>
  [BASE, encodeURIComponent(id), ...rest.map((part) => encodeURIComponent(String(part)))].join('/');

/**
 * The practice library's routes. The generated client did not have them yet when these pages
 * were written: the calls go through the same client (auth, language, refresh) without its
 * path typing; the answers are typed by `practice-types.ts`.
 */
@Injectable({ providedIn: 'root' })
export class PracticesApi {
  private readonly typed = inject(ORIS_API);
  private readonly api = this.typed as unknown as Untyped;

  private call<T>(method: Method, path: string, init?: Init): Promise<T> {
    return unwrap(this.api[method](path, init)) as Promise<T>;
  }

  list(query: PracticeQuery): Promise<PageOf<PracticeSummary>> {
    return this.call('GET', BASE, { params: { query } });
  }

  get(id: string): Promise<Practice> {
    return this.call('GET', at(id));
  }

  create(body: PracticeContent): Promise<Practice> {
    return this.call('POST', BASE, { body });
  }

  /** `version` is the one the editor started from: the API answers 412 when it is no longer current. */
  change(id: string, body: PracticeContent, version: number): Promise<Practice> {
    return this.call('PATCH', at(id), { body, headers: { 'If-Match': `"${version}"` } });
  }

  submit(id: string): Promise<Practice> {
    return this.call('POST', at(id, 'submit'));
  }

  /** Records the evidence level and its justification (the reviewer's part). */
  review(id: string, body: ReviewInput): Promise<Practice> {
    return this.call('POST', at(id, 'review'), { body });
  }

  /** Back to draft with the open comments (`reopen` of a sheet under review). */
  returnToDraft(id: string): Promise<Practice> {
    return this.call('POST', at(id, 'reopen'));
  }

  publish(id: string): Promise<Practice> {
    return this.call('POST', at(id, 'publish'));
  }

  archive(id: string): Promise<Practice> {
    return this.call('POST', at(id, 'archive'));
  }

  reopen(id: string): Promise<Practice> {
    return this.call('POST', at(id, 'reopen'));
  }

  addComment(id: string, body: CommentInput): Promise<Practice> {
    return this.call('POST', at(id, 'comments'), { body });
  }

  resolveComment(id: string, commentId: string): Promise<Practice> {
    return this.call('POST', at(id, 'comments', commentId, 'resolve'));
  }

  versions(id: string): Promise<PracticeVersion[]> {
    return this.call('GET', at(id, 'versions'));
  }

  diff(id: string, version: number, against: number): Promise<PracticeDiff> {
    return this.call('GET', at(id, 'versions', version, 'diff'), {
      params: { query: { against } },
    });
  }

  /** Sends the file's bytes as the body, its name and alternative texts in the query. */
  async attach(id: string, file: File, alt: Texts): Promise<Practice> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return this.call('POST', at(id, 'attachments'), {
      params: { query: { fileName: file.name, ...altQuery(alt) } },
      body: bytes,
      bodySerializer: (body) => body,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
    });
  }

  detach(id: string, attachmentId: string): Promise<Practice> {
    return this.call('DELETE', at(id, 'attachments', attachmentId));
  }

  /** Finds what a sheet may link to, through each registry's own list (first 10 matches). */
  async findLinkable(kind: LinkKind, q: string, lang: Locale): Promise<LinkOption[]> {
    const query = { q, page: 1, pageSize: 10 };
    switch (kind) {
      case 'tool': {
        const page = await unwrap(this.typed.GET('/api/v1/tools', { params: { query } }));
        return page.items.map((tool) => ({
          id: tool.id,
          title: tool.titles[lang] ?? tool.titles[tool.originalLanguage] ?? tool.id,
        }));
      }
      case 'publication': {
        const page = await unwrap(this.typed.GET('/api/v1/publications', { params: { query } }));
        return page.items.map((publication) => ({ id: publication.id, title: publication.title }));
      }
      case 'course': {
        const page = await unwrap(this.typed.GET('/api/v1/courses', { params: { query } }));
        return page.items.map((course) => ({ id: course.id, title: course.title }));
      }
      case 'partnership': {
        const page = await unwrap(this.typed.GET('/api/v1/partnerships', { params: { query } }));
        return page.items.map((partnership) => ({ id: partnership.id, title: partnership.title }));
      }
    }
  }

  /** Public: the last published version, by id or slug. */
  publicGet(slug: string): Promise<PublicPractice> {
    return this.call('GET', at(slug));
  }

  publicList(query: PracticeQuery): Promise<PageOf<PracticeSummary>> {
    return this.call('GET', BASE, { params: { query: { ...query, status: 'published' } } });
  }
}

const altQuery = (alt: Texts) =>
  Object.fromEntries(
    Object.entries(alt)
      .filter(([, text]) => text?.trim())
      .map(([language, text]) => [`alt_${language}`, text?.trim()]),
  );

/** Where the sheet's PDF is (public, no sign-in): in the given languages, the original first. */
export const practicePdfUrl = (slug: string, languages: readonly string[]) =>
  `${at(slug, 'pdf')}?languages=${languages.map(encodeURIComponent).join(',')}`;

/** Where an attachment's bytes are served. */
export const attachmentUrl = (practiceId: string, attachmentId: string) =>
  at(practiceId, 'attachments', attachmentId);
