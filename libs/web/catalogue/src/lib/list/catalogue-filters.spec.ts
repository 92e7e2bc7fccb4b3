import { convertToParamMap } from '@angular/router';
import {
  apiQuery,
  CATALOGUE_PAGE_SIZE,
  type CatalogueFilters,
  filtersFromParams,
  hasFilters,
  NO_FILTERS,
  paramsFromFilters,
} from './catalogue-filters';

const chosen: CatalogueFilters = {
  q: 'coopérative',
  region: 'MA-06',
  theme: 'cooperatives',
  mode: 'blended',
  language: 'ar',
  upcoming: true,
  page: 3,
};

describe('catalogue filters and the address bar', () => {
  it('reads every filter from the query parameters', () => {
    const params = convertToParamMap({
      q: ' coopérative ',
      region: 'MA-06',
      theme: 'cooperatives',
      mode: 'blended',
      language: 'ar',
      upcoming: 'true',
      page: '3',
    });

    expect(filtersFromParams(params)).toEqual(chosen);
  });

  it('starts from the whole catalogue without parameters', () => {
    expect(filtersFromParams(convertToParamMap({}))).toEqual(NO_FILTERS);
  });

  it('ignores values the API would refuse', () => {
    const params = convertToParamMap({
      region: 'MA-13',
      theme: 'astrology',
      mode: 'by-post',
      language: 'de',
      upcoming: 'yes',
      page: '-2',
    });

    expect(filtersFromParams(params)).toEqual(NO_FILTERS);
    expect(filtersFromParams(convertToParamMap({ page: '1.5' })).page).toBe(1);
  });

  it('writes back what it reads', () => {
    const params = paramsFromFilters(chosen);

    expect(params).toEqual({
      q: 'coopérative',
      region: 'MA-06',
      theme: 'cooperatives',
      mode: 'blended',
      language: 'ar',
      upcoming: 'true',
      page: '3',
    });
    expect(filtersFromParams(convertToParamMap(params))).toEqual(chosen);
  });

  it('clears the parameters of default filters, so the plain catalogue has a plain address', () => {
    expect(Object.values(paramsFromFilters({ ...NO_FILTERS, q: '  ' }))).toEqual(
      Array(7).fill(null),
    );
  });

  it('asks the API for one page with only the chosen filters', () => {
    expect(apiQuery(NO_FILTERS)).toEqual({ page: 1, pageSize: CATALOGUE_PAGE_SIZE });
    expect(apiQuery(chosen)).toEqual({
      page: 3,
      pageSize: CATALOGUE_PAGE_SIZE,
      q: 'coopérative',
      region: 'MA-06',
      theme: 'cooperatives',
      mode: 'blended',
      language: 'ar',
      upcoming: true,
    });
  });

  it('tells whether anything narrows the catalogue, whatever the page', () => {
    expect(hasFilters({ ...NO_FILTERS, page: 4 })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, q: ' ' })).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, upcoming: true })).toBe(true);
  });
});
