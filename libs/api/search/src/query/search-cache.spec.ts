import { AppConfig } from '@oris/api/platform';
import type { SearchQuery } from '../dto/search.query';
import { SEARCH_CACHE_MAX_ANSWERS, SearchCache } from './search-cache';
import { cacheKeyOf, normalizeSearch } from './search.service';

/** A cache whose listening session is played by the test (no PostgreSQL). */
function cacheListening(listening: boolean): SearchCache {
  const cache = new SearchCache(new AppConfig());
  (cache as unknown as { listening: boolean }).listening = listening;
  return cache;
}

const query = (fields: Partial<SearchQuery>): SearchQuery =>
  ({ page: 1, pageSize: 20, ...fields }) as SearchQuery;

describe('the search cache key', () => {
  it('is the same for searches that can only answer the same', () => {
    expect(
      cacheKeyOf(
        normalizeSearch(query({ q: ' Coopératives  agricoles ', region: ['MA-03', 'MA-01'] })),
      ),
    ).toBe(
      cacheKeyOf(
        normalizeSearch(query({ q: 'cooperatives agricoles', region: ['MA-01', 'MA-03'] })),
      ),
    );
  });

  it('differs by language, page, page size and filters', () => {
    const base = cacheKeyOf(normalizeSearch(query({ q: 'safran' })));
    for (const other of [
      query({ q: 'safran', lang: 'ar' }),
      query({ q: 'safran', page: 2 }),
      query({ q: 'safran', pageSize: 10 }),
      query({ q: 'safran', type: ['tool'] }),
      query({ q: '?!' }),
      query({}),
    ]) {
      expect(cacheKeyOf(normalizeSearch(other))).not.toBe(base);
    }
  });
});

describe('SearchCache', () => {
  it('keeps an answer while listening, and loads one search once for concurrent misses', async () => {
    const cache = cacheListening(true);
    const load = jest.fn(async () => Buffer.from('answer'));
    await Promise.all([cache.get('k', load), cache.get('k', load)]);
    expect(String(await cache.get('k', load))).toBe('answer');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps nothing while not listening', async () => {
    const cache = cacheListening(false);
    const load = jest.fn(async () => Buffer.from('answer'));
    await cache.get('k', load);
    await cache.get('k', load);
    expect(load).toHaveBeenCalledTimes(2);
    expect(cache.size).toBe(0);
  });

  it('does not keep an answer loaded while the index changed', async () => {
    const cache = cacheListening(true);
    let finish: (value: Buffer) => void = () => undefined;
    const pending = cache.get('k', () => new Promise<Buffer>((resolve) => (finish = resolve)));
    cache.forgetAll();
    finish(Buffer.from('old'));
    expect(String(await pending)).toBe('old');
    expect(cache.size).toBe(0);
  });

  it('forgets the least recently used answer beyond its bound', async () => {
    const cache = cacheListening(true);
    for (let index = 0; index < SEARCH_CACHE_MAX_ANSWERS + 1; index += 1) {
      await cache.get(`k${index}`, async () => Buffer.from(`a${index}`));
    }
    expect(cache.size).toBe(SEARCH_CACHE_MAX_ANSWERS);
    const load = jest.fn(async () => Buffer.from('again'));
    expect(String(await cache.get('k0', load))).toBe('again');
    expect(String(await cache.get(`k${SEARCH_CACHE_MAX_ANSWERS}`, load))).toBe(
      `a${SEARCH_CACHE_MAX_ANSWERS}`,
    );
  });
});
