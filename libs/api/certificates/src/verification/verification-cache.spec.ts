import { randomBytes } from 'node:crypto';
import { loadConfig, redisOptions } from '@oris/api/platform';
import Redis from 'ioredis';
import {
  LoadedVerification,
  UNKNOWN_CODE_TTL_MS,
  VERIFICATION_ANSWER_TTL_MS,
  VerificationCache,
} from './verification-cache';

const json = (text: string) => Buffer.from(JSON.stringify({ text }));
const kept = (text: string): LoadedVerification => ({ json: json(text), keep: true });

/** Two caches on one channel of the local Redis stand for two API processes. */
describe('VerificationCache', () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    REDIS_URL: process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `test-verification-cache-${randomBytes(6).toString('hex')}`,
  });
  let caches: VerificationCache[] = [];

  /** A started cache, once its subscription is live (it serves nothing from memory before). */
  async function started(): Promise<VerificationCache> {
    const cache = new VerificationCache(config);
    caches.push(cache);
    cache.onModuleInit();
    const deadline = Date.now() + 5_000;
    while (!isLive(cache)) {
      if (Date.now() > deadline) throw new Error('the cache never subscribed');
      await new Promise((done) => setTimeout(done, 10));
    }
    return cache;
  }

  const isLive = (cache: VerificationCache) =>
    (cache as unknown as { broadcast: { live: boolean } }).broadcast.live;

  afterEach(() => {
    for (const cache of caches) cache.onModuleDestroy();
    caches = [];
  });

  it('serves a repeated code from memory, and concurrent misses share one load', async () => {
    const cache = await started();
    const load = jest.fn(async () => kept('valid'));
    const answers = await Promise.all([
      cache.get('code-a', load),
      cache.get('code-a', load),
      cache.get('code-a', load),
    ]);
    expect(answers.map(String)).toEqual(Array(3).fill(String(json('valid'))));
    expect(await cache.get('code-a', load)).toEqual(json('valid'));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not keep an answer its loader marks as not final', async () => {
    const cache = await started();
    const load = jest.fn(async () => ({ json: json('pending render'), keep: false }));
    await cache.get('code-b', load);
    await cache.get('code-b', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('forgets a changed code in this process at once and in the other process by the channel', async () => {
    const [revoking, other] = await Promise.all([started(), started()]);
    let status = 'valid';
    const load = jest.fn(async () => kept(status));
    expect(await revoking.get('code-c', load)).toEqual(json('valid'));
    expect(await other.get('code-c', load)).toEqual(json('valid'));
    expect(load).toHaveBeenCalledTimes(2);

    status = 'revoked';
    await revoking.changed('code-c');
    expect(await revoking.get('code-c', load)).toEqual(json('revoked'));
    // PUBLISH answers once Redis has handed the message to the subscribers' connections.
    await new Promise((done) => setTimeout(done, 20));
    expect(await other.get('code-c', load)).toEqual(json('revoked'));
  });

  it('does not keep an answer that was loading while the code changed', async () => {
    const cache = await started();
    let release: (answer: LoadedVerification) => void = () => undefined;
    const slow = new Promise<LoadedVerification>((resolve) => (release = resolve));
    const before = cache.get('code-d', () => slow);
    await cache.changed('code-d');
    const fresh = jest.fn(async () => kept('revoked'));
    // A lookup after the change does not join the load that may have read the old row.
    const after = cache.get('code-d', fresh);
    release(kept('valid'));
    expect(await before).toEqual(json('valid'));
    expect(await after).toEqual(json('revoked'));
    expect(await cache.get('code-d', fresh)).toEqual(json('revoked'));
    expect(fresh).toHaveBeenCalledTimes(1);
  });

  it('remembers unknown codes for a second, and answers for the safety-net TTL', async () => {
    const cache = await started();
    let now = 1_000_000;
    cache.now = () => now;
    const unknown = jest.fn(async () => null);
    expect(await cache.get('code-e', unknown)).toBeNull();
    expect(await cache.get('code-e', unknown)).toBeNull();
    expect(unknown).toHaveBeenCalledTimes(1);
    now += UNKNOWN_CODE_TTL_MS;
    expect(await cache.get('code-e', unknown)).toBeNull();
    expect(unknown).toHaveBeenCalledTimes(2);

    const known = jest.fn(async () => kept('valid'));
    await cache.get('code-f', known);
    now += VERIFICATION_ANSWER_TTL_MS - 1;
    await cache.get('code-f', known);
    expect(known).toHaveBeenCalledTimes(1);
    now += 1;
    await cache.get('code-f', known);
    expect(known).toHaveBeenCalledTimes(2);
  });

  it('empties itself and reads through while its subscription is down, then caches again', async () => {
    const cache = await started();
    const load = jest.fn(async () => kept('valid'));
    await cache.get('code-h', load);
    await cache.get('code-h', load);
    expect(load).toHaveBeenCalledTimes(1);

    // Cut the subscriber's connection, as a network failure would: a message may be lost.
    const admin = new Redis(redisOptions(config));
    try {
      const clients = String(await admin.client('LIST'));
      const name = `${config.QUEUE_PREFIX}:certificates:verification-changed:subscriber`;
      const ids = clients
        .split('\n')
        .filter((line) => line.includes(` name=${name} `))
        .map((line) => /(?:^|\s)id=(\d+)/.exec(line)?.[1]);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) await admin.client('KILL', 'ID', String(id));
    } finally {
      admin.disconnect();
    }
    const deadline = Date.now() + 5_000;
    while (isLive(cache) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 5));
    expect(isLive(cache)).toBe(false);
    await cache.get('code-h', load);
    expect(load).toHaveBeenCalledTimes(2);

    // Subscribed again by itself: from memory again, after one fresh read.
    while (!isLive(cache) && Date.now() < deadline + 5_000) {
      await new Promise((done) => setTimeout(done, 10));
    }
    expect(isLive(cache)).toBe(true);
    await cache.get('code-h', load);
    await cache.get('code-h', load);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('reads through, keeping nothing, while its channel is not live', async () => {
    const cache = new VerificationCache(config);
    caches.push(cache);
    // Never started: no subscription, so a revocation elsewhere could not reach it.
    const load = jest.fn(async () => kept('valid'));
    await cache.get('code-g', load);
    await cache.get('code-g', load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
