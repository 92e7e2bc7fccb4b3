import { CATALOGUE_CACHE_TTL_MS, CatalogueCache } from './catalogue-cache';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('CatalogueCache', () => {
  let time: number;
  let cache: CatalogueCache;

  beforeEach(() => {
    time = 1_000_000;
    cache = new CatalogueCache();
    cache.now = () => time;
  });

  it('answers a repeated query from memory until the TTL passes', async () => {
    const load = jest.fn().mockResolvedValueOnce('first').mockResolvedValueOnce('second');
    expect(await cache.get('k', load)).toBe('first');
    time += CATALOGUE_CACHE_TTL_MS - 1;
    expect(await cache.get('k', load)).toBe('first');
    time += 1;
    expect(await cache.get('k', load)).toBe('second');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps answers of different queries apart', async () => {
    expect(await cache.get('a', async () => 'A')).toBe('A');
    expect(await cache.get('b', async () => 'B')).toBe('B');
    expect(await cache.get('a', async () => 'other')).toBe('A');
  });

  it('shares one query among concurrent misses', async () => {
    const pending = deferred<string>();
    const load = jest.fn(() => pending.promise);
    const answers = Promise.all([cache.get('k', load), cache.get('k', load), cache.get('k', load)]);
    pending.resolve('once');
    expect(await answers).toEqual(['once', 'once', 'once']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failed query', async () => {
    await expect(cache.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow(
      'db down',
    );
    expect(await cache.get('k', async () => 'recovered')).toBe('recovered');
  });

  it('forgets everything after a write', async () => {
    await cache.get('k', async () => 'before');
    expect(await cache.afterWrite(Promise.resolve('written'))).toBe('written');
    expect(await cache.get('k', async () => 'after')).toBe('after');
  });

  it('forgets after a failed write too (it may have half-happened elsewhere)', async () => {
    await cache.get('k', async () => 'before');
    await expect(cache.afterWrite(Promise.reject(new Error('conflict')))).rejects.toThrow();
    expect(await cache.get('k', async () => 'after')).toBe('after');
  });

  it('does not keep an answer that was loading while a write happened', async () => {
    const pending = deferred<string>();
    const answer = cache.get('k', () => pending.promise);
    cache.invalidate();
    // A request arriving after the write must not get the answer begun before it.
    const fresh = cache.get('k', async () => 'fresh');
    pending.resolve('stale');
    expect(await answer).toBe('stale');
    expect(await fresh).toBe('fresh');
    expect(await cache.get('k', async () => 'later')).toBe('fresh');
  });

  it('holds a bounded number of answers, dropping the oldest', async () => {
    for (let i = 0; i < 501; i += 1) await cache.get(`k${i}`, async () => i);
    expect(await cache.get('k0', async () => 'reloaded')).toBe('reloaded');
    expect(await cache.get('k500', async () => 'reloaded')).toBe(500);
  });
});
