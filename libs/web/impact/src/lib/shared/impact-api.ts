import { inject, Injectable } from '@angular/core';
import { unwrap } from '@oris/shared/api-client';
import type { Locale } from '@oris/shared/domain';
import { API_BASE_URL, ORIS_API } from '@oris/web/core';
import type {
  CountedRecord,
  FrozenRecordsQuery,
  Impact,
  ImpactIndicatorName,
  ImpactQuery,
  LiveRecordsQuery,
  PageOf,
  PublicImpact,
  Report,
  ReportFormat,
  ReportVersion,
  Target,
} from './impact-types';

/** The impact figures, targets, frozen reports and the public impact page. */
@Injectable({ providedIn: 'root' })
export class ImpactApi {
  private readonly api = inject(ORIS_API);
  private readonly baseUrl = inject(API_BASE_URL);

  impact(query: ImpactQuery): Promise<Impact> {
    return unwrap(this.api.GET('/api/v1/indicators/impact', { params: { query } }));
  }

  setTarget(
    indicator: ImpactIndicatorName,
    year: number,
    body: { target: number; baseline?: number | null },
  ): Promise<Target> {
    return unwrap(
      this.api.PUT('/api/v1/indicators/targets/{indicator}/{year}', {
        params: { path: { indicator, year } },
        body,
      }),
    );
  }

  report(year: number): Promise<Report> {
    return unwrap(this.api.GET('/api/v1/reports/{year}', { params: { path: { year } } }));
  }

  freeze(year: number, reason: string | null): Promise<ReportVersion> {
    return unwrap(
      this.api.POST('/api/v1/reports/{year}/freeze', {
        params: { path: { year } },
        body: reason ? { reason } : {},
      }),
    );
  }

  liveRecords(
    indicator: ImpactIndicatorName,
    query: LiveRecordsQuery,
  ): Promise<PageOf<CountedRecord>> {
    return unwrap(
      this.api.GET('/api/v1/indicators/impact/records/{indicator}', {
        params: { path: { indicator }, query },
      }),
    ) as Promise<PageOf<CountedRecord>>;
  }

  frozenRecords(
    year: number,
    v: number,
    indicator: ImpactIndicatorName,
    query: FrozenRecordsQuery,
  ): Promise<PageOf<CountedRecord>> {
    return unwrap(
      this.api.GET('/api/v1/reports/{year}/versions/{v}/records/{indicator}', {
        params: { path: { year, v, indicator }, query },
      }),
    ) as Promise<PageOf<CountedRecord>>;
  }

  reportFile(year: number, v: number, format: ReportFormat, lang: Locale): Promise<Blob> {
    return unwrap(
      this.api.GET('/api/v1/reports/{year}/versions/{v}/export', {
        params: { path: { year, v }, query: { format, lang } },
        parseAs: 'blob',
      }),
    ) as Promise<unknown> as Promise<Blob>;
  }

  publicImpact(): Promise<PublicImpact> {
    return unwrap(this.api.GET('/api/v1/public/impact'));
  }

  /** The open data files: public, linked to directly (no token needed). */
  openDataUrl(format: 'csv' | 'json'): string {
    return `${this.baseUrl.replace(/\/+$/, '')}/api/v1/public/impact.${format}`;
  }
}
