import { computed, inject, Injectable, signal } from '@angular/core';
import { type RegionDto, unwrap } from '@oris/shared/api-client';
import type { Locale, RegionCode } from '@oris/shared/domain';
import { ORIS_API } from '../api/oris-api';
import { LanguageService } from '../i18n/language.service';

export interface RegionOption {
  code: RegionCode;
  name: string;
}

/** The 12 regions of Morocco, fetched once and named in the interface language. */
@Injectable({ providedIn: 'root' })
export class RegionsService {
  private readonly api = inject(ORIS_API);
  private readonly language = inject(LanguageService);
  private readonly regions = signal<readonly RegionDto[]>([]);
  private loading: Promise<void> | null = null;

  /** In the official order (MA-01 … MA-12), as the API returns them. */
  readonly options = computed<RegionOption[]>(() => {
    const language = this.language.language();
    return this.regions().map((region) => ({ code: region.code, name: nameIn(region, language) }));
  });

  /** Loads the list once; a failed load may be retried by calling again. */
  load(): Promise<void> {
    this.loading ??= unwrap(this.api.GET('/api/v1/regions')).then(
      (regions) => this.regions.set(regions),
      (error: unknown) => {
        this.loading = null;
        throw error;
      },
    );
    return this.loading;
  }

  nameOf(code: string | null | undefined): string {
    return this.options().find((option) => option.code === code)?.name ?? code ?? '';
  }
}

function nameIn(region: RegionDto, language: Locale): string {
  switch (language) {
    case 'ar':
      return region.nameAr;
    case 'en':
      return region.nameEn;
    default:
      return region.nameFr;
  }
}
