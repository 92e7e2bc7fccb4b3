import { inject, Injectable } from '@angular/core';
import { unwrap } from '@oris/shared/api-client';
import { ORIS_API } from '@oris/web/core';
import type {
  NewPartnership,
  Organisation,
  PageOf,
  Partnership,
  PartnershipChange,
  PartnershipQuery,
  PartnershipSummary,
} from './shared/partnership-types';

/** The largest page the API serves: the organisations and family heads of a form fit in it. */
const CHOICES_PAGE_SIZE = 100;

/** The partnerships registry, its signatures and documents, and the organisations it names. */
@Injectable({ providedIn: 'root' })
export class PartnershipsApi {
  private readonly api = inject(ORIS_API);

  list(query: PartnershipQuery): Promise<PageOf<PartnershipSummary>> {
    return unwrap(this.api.GET('/api/v1/partnerships', { params: { query } }));
  }

  get(id: string): Promise<Partnership> {
    return unwrap(this.api.GET('/api/v1/partnerships/{id}', { params: { path: { id } } }));
  }

  create(partnership: NewPartnership): Promise<Partnership> {
    return unwrap(this.api.POST('/api/v1/partnerships', { body: partnership }));
  }

  change(id: string, change: PartnershipChange): Promise<Partnership> {
    return unwrap(
      this.api.PATCH('/api/v1/partnerships/{id}', { params: { path: { id } }, body: change }),
    );
  }

  sign(id: string, partyId: string, signedOn: string): Promise<Partnership> {
    return unwrap(
      this.api.POST('/api/v1/partnerships/{id}/signatures', {
        params: { path: { id } },
        body: { partyId, signedOn },
      }),
    );
  }

  terminate(id: string, terminatedOn: string): Promise<Partnership> {
    return unwrap(
      this.api.POST('/api/v1/partnerships/{id}/termination', {
        params: { path: { id } },
        body: { terminatedOn },
      }),
    );
  }

  /** Sends the file's bytes as the body: the API hashes exactly what it receives. */
  async storeDocument(id: string, file: File): Promise<Partnership> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return unwrap(
      this.api.PUT('/api/v1/partnerships/{id}/document', {
        params: { path: { id }, query: { name: file.name } },
        // The generated type says `string` for a binary body; the bytes go through untouched.
        body: bytes as unknown as string,
        bodySerializer: (body: unknown) => body as Uint8Array<ArrayBuffer>,
        headers: { 'Content-Type': 'application/pdf' },
      }),
    );
  }

  document(id: string): Promise<Blob> {
    return unwrap(
      this.api.GET('/api/v1/partnerships/{id}/document', {
        params: { path: { id } },
        parseAs: 'blob',
      }),
    ) as Promise<unknown> as Promise<Blob>;
  }

  /** The organisations a party may be, by name (the first hundred). */
  organisations(): Promise<PageOf<Organisation>> {
    return unwrap(
      this.api.GET('/api/v1/organisations', {
        params: { query: { page: 1, pageSize: CHOICES_PAGE_SIZE } },
      }),
    );
  }

  /** Agreements that may head a family, for a member's parent. */
  async heads(): Promise<PartnershipSummary[]> {
    const kinds = ['framework_agreement', 'convention', 'mou'] as const;
    const pages = await Promise.all(
      kinds.map((kind) => this.list({ kind, page: 1, pageSize: CHOICES_PAGE_SIZE })),
    );
    return pages.flatMap((page) => page.items).sort((a, b) => a.title.localeCompare(b.title));
  }
}
