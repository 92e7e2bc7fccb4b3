import { inject, Injectable } from '@angular/core';
import { type components, type paths, unwrap } from '@oris/shared/api-client';
import { ORIS_API } from '@oris/web/core';

type Schemas = components['schemas'];

export type Serial = Schemas['SerialDto'];
export type SerialDetail = Schemas['SerialDetailDto'];
export type SerialInput = Schemas['CreateSerialDto'];
export type Coverage = Schemas['CoverageDto'];
export type CoverageInput = Schemas['RecordCoverageDto'];
export type CoverageList = Schemas['CoverageListDto'];
export type ObservatoryIndex = Schemas['ObservatoryIndexDto'];
export type CoverageImportReport = Schemas['CoverageImportReportDto'];
export type ImportRow = Schemas['CoverageImportRowDto'];
export type SerialQuery = NonNullable<paths['/api/v1/serials']['get']['parameters']['query']>;
export type CoverageImportQuery =
  paths['/api/v1/serials/coverage-import']['post']['parameters']['query'];
export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Serials, their coverage by each index, the coverage-list import, and the list of indexes. */
@Injectable({ providedIn: 'root' })
export class SerialsApi {
  private readonly api = inject(ORIS_API);

  serials(query: SerialQuery): Promise<PageOf<Serial>> {
    return unwrap(this.api.GET('/api/v1/serials', { params: { query } })) as Promise<
      PageOf<Serial>
    >;
  }

  serial(id: string): Promise<SerialDetail> {
    return unwrap(this.api.GET('/api/v1/serials/{id}', { params: { path: { id } } }));
  }

  create(input: SerialInput): Promise<SerialDetail> {
    return unwrap(this.api.POST('/api/v1/serials', { body: input }));
  }

  change(id: string, input: SerialInput): Promise<SerialDetail> {
    return unwrap(
      this.api.PATCH('/api/v1/serials/{id}', { params: { path: { id } }, body: input }),
    );
  }

  coverageKnownAt(id: string, knownAt?: string): Promise<CoverageList> {
    return unwrap(
      this.api.GET('/api/v1/serials/{id}/coverage', {
        params: { path: { id }, query: knownAt ? { knownAt } : {} },
      }),
    );
  }

  recordCoverage(id: string, input: CoverageInput): Promise<Coverage> {
    return unwrap(
      this.api.POST('/api/v1/serials/{id}/coverage', { params: { path: { id } }, body: input }),
    );
  }

  /** Sends the list's bytes as the body (`text/csv`): the API hashes exactly what it receives. */
  async importCoverage(query: CoverageImportQuery, file: Blob): Promise<CoverageImportReport> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return unwrap(
      this.api.POST('/api/v1/serials/coverage-import', {
        params: { query },
        // The generated type says `string` for a binary body; the bytes go through untouched.
        body: bytes as unknown as string,
        bodySerializer: (body: unknown) => body as Uint8Array<ArrayBuffer>,
        headers: { 'Content-Type': 'text/csv' },
      }),
    );
  }

  indexes(): Promise<ObservatoryIndex[]> {
    return unwrap(this.api.GET('/api/v1/indexes'));
  }

  setCounts(code: string, counts: boolean): Promise<ObservatoryIndex> {
    return unwrap(
      this.api.PATCH('/api/v1/indexes/{code}', { params: { path: { code } }, body: { counts } }),
    );
  }
}
