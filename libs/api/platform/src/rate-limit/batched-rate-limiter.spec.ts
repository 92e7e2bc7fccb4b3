import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import {
  BatchedRateLimiter,
  BatchedRateLimiterOptions,
  WindowDecision,
  WindowRule,
} from './batched-rate-limiter';

const REDIS_URL = new URL(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
const MINUTE = 60_000;

/** On the local Redis, under a prefix of this test run's own. */
describe('BatchedRateLimiter', () => {
  const prefix = `test-limiter-${randomBytes(6).toString('hex')}:`;
  const clients: Redis[] = [];
  const limiters: BatchedRateLimiter[] = [];

  const client = () => {
    const redis = new Redis({
      host: REDIS_URL.hostname,
      port: Number(REDIS_URL.port || 6379),
      keyPrefix: prefix,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 200,
      commandTimeout: 500,
      retryStrategy: () => 50,
    });
    redis.on('error', () => undefined);
    clients.push(redis);
    return redis;
  };

  const ready = (redis: Redis) =>
    redis.status === 'ready' ? Promise.resolve() : new Promise((done) => redis.once('ready', done));

  /** A limiter as one API process would hold it. */
  const limiter = (rule: WindowRule, options: Partial<BatchedRateLimiterOptions> = {}) => {
    const created = new BatchedRateLimiter({ redis: options.redis ?? client(), rule, ...options });
    limiters.push(created);
    return created;
  };

  const rule = (limit: number): WindowRule => ({
    name: `rule-${randomBytes(4).toString('hex')}`,
    limit,
    windowSeconds: 60,
  });

  const allowedOf = async (decisions: (WindowDecision | Promise<WindowDecision>)[]) =>
    (await Promise.all(decisions)).filter((decision) => decision.allowed).length;

  const storedCount = async (redis: Redis, ruleName: string) => {
    const keys = await redis.keys(`${prefix}${ruleName}:*`);
    const values = await Promise.all(keys.map((key) => redis.get(key.slice(prefix.length))));
    return values.reduce((sum, value) => sum + Number(value), 0);
  };

  const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

  beforeAll(() => {
    // The limiter warns once while Redis is unreachable: expected in one test, noise here.
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterAll(async () => {
    for (const created of limiters) created.close();
    const [redis] = clients;
    if (redis) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys.map((key) => key.slice(prefix.length)));
    }
    for (const redis of clients) redis.disconnect();
    jest.restoreAllMocks();
  });

  it('allows exactly the limit from one process, even in one burst', async () => {
    const redis = client();
    await ready(redis);
    const shared = rule(60);
    const single = limiter(shared, { redis });
    const decisions = Array.from({ length: 100 }, () => single.consume('10.0.0.1'));
    expect(await allowedOf(decisions)).toBe(60);
    const refused = await single.consume('10.0.0.1');
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    // Another subject has its own budget.
    expect((await single.consume('10.0.0.2')).allowed).toBe(true);
  });

  it('counts in memory and sends the counts to Redis in one batch later', async () => {
    const redis = client();
    await ready(redis);
    const shared = rule(1_000);
    const counting = limiter(shared, { redis, syncIntervalMs: 50 });
    const pipeline = jest.spyOn(redis, 'pipeline');
    for (let index = 0; index < 40; index++) {
      // Decided at once: no promise, no Redis command.
      expect(counting.consume('10.0.1.1')).toEqual({ allowed: true, retryAfterSeconds: 0 });
    }
    expect(pipeline).not.toHaveBeenCalled();
    await sleep(150);
    expect(pipeline).toHaveBeenCalledTimes(1);
    expect(await storedCount(redis, shared.name)).toBe(40);
  });

  it('shares one budget between processes, over it by at most one batch per other process', async () => {
    const shared = rule(60);
    const [first, second] = [client(), client()];
    await Promise.all([ready(first), ready(second)]);
    const processes = [limiter(shared, { redis: first }), limiter(shared, { redis: second })];
    const decisions = Array.from({ length: 200 }, (_, index) =>
      processes[index % 2].consume('10.0.2.1'),
    );
    const allowed = await allowedOf(decisions);
    // Batch: a tenth of the limit. Two processes: at most one batch over the limit.
    expect(allowed).toBeGreaterThanOrEqual(60);
    expect(allowed).toBeLessThanOrEqual(66);
  });

  it('refuses in a process that learns from Redis that another spent the budget', async () => {
    const shared = rule(20);
    const [first, second] = [client(), client()];
    await Promise.all([ready(first), ready(second)]);
    const spender = limiter(shared, { redis: first, syncIntervalMs: 20 });
    expect(await allowedOf(Array.from({ length: 20 }, () => spender.consume('10.0.3.1')))).toBe(20);
    await sleep(100);
    const late = limiter(shared, { redis: second });
    // Its first batch (2) is allowed blind; confirming it brings back the other's 20.
    const allowed = await allowedOf(Array.from({ length: 10 }, () => late.consume('10.0.3.1')));
    expect(allowed).toBeLessThanOrEqual(2);
    expect((await late.consume('10.0.3.1')).allowed).toBe(false);
  });

  it('starts every subject afresh in the next window', async () => {
    let now = 10 * MINUTE + 59_500;
    const redis = client();
    await ready(redis);
    const windowed = limiter(rule(3), { redis, now: () => now });
    expect(await allowedOf(Array.from({ length: 5 }, () => windowed.consume('10.0.4.1')))).toBe(3);
    const refused = await windowed.consume('10.0.4.1');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1_000;
    expect((await windowed.consume('10.0.4.1')).allowed).toBe(true);
  });

  it('keeps enforcing the limit in each process while Redis is unreachable', async () => {
    // A closed connection: every command fails at once, as while Redis is down.
    const unreachable = client();
    unreachable.disconnect();
    const isolated = limiter(rule(5), { redis: unreachable });
    expect(await allowedOf(Array.from({ length: 8 }, () => isolated.consume('10.0.5.1')))).toBe(5);
  });

  it('counts subjects past its memory bound in Redis, one by one', async () => {
    const redis = client();
    await ready(redis);
    const shared = rule(2);
    const bounded = limiter(shared, { redis, maxSubjects: 1 });
    expect((await bounded.consume('10.0.6.1')).allowed).toBe(true);
    const overflow = await allowedOf(Array.from({ length: 4 }, () => bounded.consume('10.0.6.2')));
    expect(overflow).toBe(2);
    expect(await storedCount(redis, shared.name)).toBeGreaterThanOrEqual(4);
  });
});
