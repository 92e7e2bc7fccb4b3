import type { ParamMap, Params } from '@angular/router';
import {
  COURSE_THEMES,
  type CourseTheme,
  DELIVERY_MODES,
  type DeliveryMode,
  type Locale,
  LOCALES,
  REGION_CODES,
  type RegionCode,
} from '@oris/shared/domain';
import type { CatalogueQuery } from '../catalogue-query';

export const CATALOGUE_PAGE_SIZE = 12;
const SEARCH_MAX_LENGTH = 100;

/** What the catalogue shows, as the address bar says it: shareable and kept by Back. */
export interface CatalogueFilters {
  q: string;
  region: RegionCode | null;
  theme: CourseTheme | null;
  mode: DeliveryMode | null;
  language: Locale | null;
  upcoming: boolean;
  page: number;
}

export const NO_FILTERS: CatalogueFilters = {
  q: '',
  region: null,
  theme: null,
  mode: null,
  language: null,
  upcoming: false,
  page: 1,
};

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** Reads the query parameters; a value the API would refuse (an edited link) is ignored. */
export function filtersFromParams(params: ParamMap): CatalogueFilters {
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').trim().slice(0, SEARCH_MAX_LENGTH),
    region: oneOf(REGION_CODES, params.get('region')),
    theme: oneOf(COURSE_THEMES, params.get('theme')),
    mode: oneOf(DELIVERY_MODES, params.get('mode')),
    language: oneOf(LOCALES, params.get('language')),
    upcoming: params.get('upcoming') === 'true',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/**
 * The query parameters for some filters; defaults are left out so that the plain catalogue
 * has a plain address. `null` removes a parameter when merged into the current ones.
 */
export function paramsFromFilters(filters: CatalogueFilters): Params {
  const q = filters.q.trim();
  return {
    q: q || null,
    region: filters.region,
    theme: filters.theme,
    mode: filters.mode,
    language: filters.language,
    upcoming: filters.upcoming ? 'true' : null,
    page: filters.page > 1 ? String(filters.page) : null,
  };
}

/** The API's query for the filters. */
export function apiQuery(filters: CatalogueFilters): CatalogueQuery {
  const q = filters.q.trim();
  return {
    page: filters.page,
    pageSize: CATALOGUE_PAGE_SIZE,
    ...(q && { q }),
    ...(filters.region && { region: filters.region }),
    ...(filters.theme && { theme: filters.theme }),
    ...(filters.mode && { mode: filters.mode }),
    ...(filters.language && { language: filters.language }),
    ...(filters.upcoming && { upcoming: true }),
  };
}

export function hasFilters(filters: CatalogueFilters): boolean {
  const { page: _page, ...chosen } = filters;
  const { page: _none, ...defaults } = NO_FILTERS;
  return JSON.stringify({ ...chosen, q: chosen.q.trim() }) !== JSON.stringify(defaults);
}
