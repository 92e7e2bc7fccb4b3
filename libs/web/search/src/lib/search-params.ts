import type { ParamMap, Params } from '@angular/router';
import type { paths } from '@oris/shared/api-client';

export type SearchApiQuery = NonNullable<paths['/api/v1/search']['get']['parameters']['query']>;

/** The facets of the search, in the order the page shows them (the API's names). */
export const FACETS = ['type', 'region', 'theme', 'population', 'evidence'] as const;
export type Facet = (typeof FACETS)[number];

/** What a search page shows, as read from (and written to) its URL. */
export interface SearchState {
  q: string;
  filters: Record<Facet, string[]>;
  page: number;
}

export const emptyFilters = (): Record<Facet, string[]> => ({
  type: [],
  region: [],
  theme: [],
  population: [],
  evidence: [],
});

/**
 * The state in the URL: `q`, each facet as one comma-separated parameter, `page`. Values are
 * sorted and deduplicated so that the same search always has the same address (shareable,
 * cacheable); anything malformed is dropped rather than sent to be refused.
 */
export function stateFromParams(params: ParamMap): SearchState {
  const filters = emptyFilters();
  for (const facet of FACETS) {
    const raw = params.get(facet);
    if (raw) filters[facet] = normalisedValues(raw.split(','));
  }
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    filters,
    page: Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1,
  };
}

/** The URL's query parameters of a state: empty ones left out, the first page implied. */
export function paramsOfState(state: SearchState): Params {
  const params: Params = {};
  const q = state.q.trim();
  if (q) params['q'] = q;
  for (const facet of FACETS) {
    const values = normalisedValues(state.filters[facet]);
    if (values.length > 0) params[facet] = values.join(',');
  }
  if (state.page > 1) params['page'] = String(state.page);
  return params;
}

/** The state with one facet value ticked or unticked (back to the first page). */
export function toggled(state: SearchState, facet: Facet, value: string): SearchState {
  const current = state.filters[facet];
  const next = current.includes(value)
    ? current.filter((item) => item !== value)
    : [...current, value];
  return { ...state, filters: { ...state.filters, [facet]: normalisedValues(next) }, page: 1 };
}

/** The API's query for a state, in the visitor's language (facet values repeated, as arrays). */
export function apiQueryOf(state: SearchState, lang: string, pageSize: number): SearchApiQuery {
  const query: Record<string, unknown> = { page: state.page, pageSize, lang };
  const q = state.q.trim();
  if (q) query['q'] = q;
  for (const facet of FACETS) {
    const values = state.filters[facet];
    if (values.length > 0) query[facet] = facet === 'evidence' ? values.map(Number) : values;
  }
  return query as SearchApiQuery;
}

const normalisedValues = (values: string[]): string[] =>
  [
    ...new Set(values.map((value) => value.trim()).filter((value) => /^[\w-]{1,64}$/.test(value))),
  ].sort();
