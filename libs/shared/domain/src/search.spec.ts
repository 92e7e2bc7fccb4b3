import {
  normalizeForSearch,
  SEARCH_ARABIC_FOLD_FROM,
  SEARCH_ARABIC_FOLD_TO,
  searchTermsOf,
} from './search';
import { SEARCH_NORMALIZATION_CASES } from './testing';

describe('normalizeForSearch', () => {
  it.each(SEARCH_NORMALIZATION_CASES)('reads %j as %j', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const [input] of SEARCH_NORMALIZATION_CASES) {
      const once = normalizeForSearch(input);
      expect(normalizeForSearch(once)).toBe(once);
    }
  });
});

describe('the Arabic folds', () => {
  it('pair each letter with its reading, one for one', () => {
    expect([...SEARCH_ARABIC_FOLD_FROM]).toHaveLength([...SEARCH_ARABIC_FOLD_TO].length);
  });
});

describe('searchTermsOf', () => {
  it('gives the normalised query and the same without spaces', () => {
    expect(searchTermsOf(' ES 101 ')).toEqual({ normalized: 'es 101', compact: 'es101' });
    expect(searchTermsOf('Meknès')).toEqual({ normalized: 'meknes', compact: 'meknes' });
  });

  it('gives nothing when nothing searchable is typed', () => {
    expect(searchTermsOf(' %_ ')).toBeNull();
    expect(searchTermsOf('')).toBeNull();
  });
});
