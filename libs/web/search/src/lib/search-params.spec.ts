import { convertToParamMap } from '@angular/router';
import { apiQueryOf, paramsOfState, stateFromParams, toggled } from './search-params';

describe('the search page’s address', () => {
  it('reads the words, the ticked values of each facet and the page', () => {
    const state = stateFromParams(
      convertToParamMap({ q: 'coopératives', type: 'tool,practice', evidence: '3', page: '2' }),
    );
    expect(state).toEqual({
      q: 'coopératives',
      filters: {
        type: ['practice', 'tool'],
        region: [],
        theme: [],
        population: [],
        evidence: ['3'],
      },
      page: 2,
    });
  });

  it('writes the same address for the same search, whatever order the values were ticked in', () => {
    const base = stateFromParams(convertToParamMap({ q: 'safran' }));
    const one = toggled(toggled(base, 'region', 'MA-08'), 'region', 'MA-03');
    const other = toggled(toggled(base, 'region', 'MA-03'), 'region', 'MA-08');
    expect(paramsOfState(one)).toEqual({ q: 'safran', region: 'MA-03,MA-08' });
    expect(paramsOfState(other)).toEqual(paramsOfState(one));
  });

  it('unticks a ticked value and goes back to the first page', () => {
    const state = stateFromParams(convertToParamMap({ theme: 'youth', page: '3' }));
    const next = toggled(state, 'theme', 'youth');
    expect(paramsOfState(next)).toEqual({});
  });

  it('drops what a hand-edited address cannot mean', () => {
    const state = stateFromParams(
      convertToParamMap({ type: 'tool,<script>,', page: '-4', q: 'x'.repeat(300) }),
    );
    expect(state.filters.type).toEqual(['tool']);
    expect(state.page).toBe(1);
    expect(state.q).toHaveLength(200);
  });

  it('asks the API in the visitor’s language, facet values as lists, evidence as numbers', () => {
    const state = stateFromParams(convertToParamMap({ q: ' جهة ', evidence: '4,2', type: 'tool' }));
    expect(apiQueryOf(state, 'ar', 10)).toEqual({
      q: 'جهة',
      page: 1,
      pageSize: 10,
      lang: 'ar',
      type: ['tool'],
      evidence: [2, 4],
    });
  });
});
