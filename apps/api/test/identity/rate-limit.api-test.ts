import { createHash, randomBytes } from 'node:crypto';
import request, { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';
import { bearer, register, registration, uniqueEmail, uniqueIp } from './support/identity-client';
import { startIdentityTestApp } from './support/identity-test-app';

const LIMIT = 3;

/**
 * Windows are fixed minutes, so a burst may straddle two of them: 2 × limit + 1 attempts always
 * overflow one window, whatever the second they start at.
 */
const BURST = 2 * LIMIT + 1;
const WRONG = 'wrong-password-00';

function expectRateLimited(response: Response, maxRetryAfter = 60) {
  expect(response.status).toBe(429);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status: 429, code: 'rate_limited' });
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxRetryAfter);
}

const sleepSeconds = (seconds: number) =>
  new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 100));

/** Sends attempts until one is refused; returns the responses seen. */
async function burst(send: (attempt: number) => Promise<Response>): Promise<Response[]> {
  const responses: Response[] = [];
  for (let attempt = 0; attempt < BURST; attempt++) {
    const response = await send(attempt);
    responses.push(response);
    if (response.status === 429) break;
  }
  return responses;
}

const signIn = (api: TestApp, email: string, password: string, ip: string) =>
  request(api.url).post('/api/v1/auth/login').set('x-forwarded-for', ip).send({ email, password });

describe('a classroom behind one address, at the default limits', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startIdentityTestApp();
  });

  afterAll(() => api.close());

  it('lets 30 trainees register, then sign in (some after a typo), from one address within a minute', async () => {
    const venue = uniqueIp();
    const trainees = Array.from({ length: 30 }, () => registration());
    const registered = await Promise.all(
      trainees.map((body) =>
        request(api.url).post('/api/v1/auth/register').set('x-forwarded-for', venue).send(body),
      ),
    );
    expect(registered.map((response) => response.status)).toEqual(Array(30).fill(201));

    const typos = await Promise.all(
      trainees.slice(0, 10).map((body) => signIn(api, body.email, WRONG, venue)),
    );
    expect(typos.map((response) => response.status)).toEqual(Array(10).fill(401));
    const signedIn = await Promise.all(
      trainees.map((body) => signIn(api, body.email, body.password, venue)),
    );
    expect(signedIn.map((response) => response.status)).toEqual(Array(30).fill(200));
  });
});

describe('brute force: per account on wrong passwords, per address on every attempt', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startIdentityTestApp({
      LOGIN_RATE_LIMIT_PER_ADDRESS: String(LIMIT),
      REGISTER_RATE_LIMIT_PER_ADDRESS: String(LIMIT),
      PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS: String(LIMIT),
      LOGIN_FAILURES_BEFORE_LOCK: '3',
      LOGIN_LOCK_SECONDS: '1',
      LOGIN_LOCK_MAX_SECONDS: '2',
      PASSWORD_CHANGE_RATE_LIMIT_PER_HOUR: '2',
    });
  });

  afterAll(() => api.close());

  it('locks an account after its wrong passwords, from however many addresses, even to the right one', async () => {
    const target = await register(api);
    for (let attempt = 0; attempt < 3; attempt++) {
      await signIn(api, target.email, WRONG, uniqueIp()).expect(401);
    }
    expectRateLimited(await signIn(api, target.email, target.password, uniqueIp()), 1);
  });

  it('lifts the lock after its time, and the right password then clears the count', async () => {
    const target = await register(api);
    for (let attempt = 0; attempt < 3; attempt++) {
      await signIn(api, target.email, WRONG, uniqueIp()).expect(401);
    }
    const locked = await signIn(api, target.email, target.password, uniqueIp());
    expectRateLimited(locked, 1);
    await sleepSeconds(Number(locked.headers['retry-after']));
    await signIn(api, target.email, target.password, uniqueIp()).expect(200);
    // A fresh run: two wrong passwords do not lock again.
    for (let attempt = 0; attempt < 2; attempt++) {
      await signIn(api, target.email, WRONG, uniqueIp()).expect(401);
    }
    await signIn(api, target.email, target.password, uniqueIp()).expect(200);
  });

  it('grows the lock with each further wrong password, never past the maximum', async () => {
    const target = await register(api);
    for (let attempt = 0; attempt < 3; attempt++) {
      await signIn(api, target.email, WRONG, uniqueIp()).expect(401);
    }
    for (let round = 0; round < 3; round++) {
      const locked = await signIn(api, target.email, WRONG, uniqueIp());
      expectRateLimited(locked, 2);
      await sleepSeconds(Number(locked.headers['retry-after']));
      // The stranger's next wrong password, once the lock is over, locks again: for 2 s at most.
      await signIn(api, target.email, WRONG, uniqueIp()).expect(401);
    }
    const locked = await signIn(api, target.email, target.password, uniqueIp());
    expectRateLimited(locked, 2);
  });

  it('lets the owner out of a lock at once with a password reset', async () => {
    const target = await register(api);
    for (let attempt = 0; attempt < 3; attempt++) {
      await signIn(api, target.email, WRONG, uniqueIp()).expect(401);
    }
    expectRateLimited(await signIn(api, target.email, target.password, uniqueIp()));
    const token = randomBytes(32).toString('base64url');
    await api.app.get(DataSource).query(
      `INSERT INTO password_reset_token (user_id, token_hash, expires_at)
       VALUES ($1, $2, now() + interval '1 hour')`,
      [target.user.id, createHash('sha256').update(token).digest('hex')],
    );
    const newPassword = 'nouvelle-cle-oujda-77';
    await request(api.url)
      .post('/api/v1/auth/password/reset')
      .send({ token, password: newPassword })
      .expect(204);
    await signIn(api, target.email, newPassword, uniqueIp()).expect(200);
  });

  it('does not count right passwords against the account', async () => {
    const target = await register(api);
    for (let attempt = 0; attempt < 6; attempt++) {
      await signIn(api, target.email, target.password, uniqueIp()).expect(200);
    }
  });

  it('locks the accounts of unknown emails alike, so a lock tells nothing', async () => {
    const nobody = uniqueEmail('nobody');
    for (let attempt = 0; attempt < 3; attempt++) {
      await signIn(api, nobody, WRONG, uniqueIp()).expect(401);
    }
    expectRateLimited(await signIn(api, nobody, WRONG, uniqueIp()), 1);
  });

  it('answers 429 with Retry-After once one address has spent its sign-in attempts', async () => {
    const ip = uniqueIp();
    const responses = await burst(() => signIn(api, uniqueEmail('nobody'), WRONG, ip));
    expect(responses.slice(0, LIMIT).map((response) => response.status)).toEqual(
      Array(LIMIT).fill(401),
    );
    expectRateLimited(responses[responses.length - 1]);
  });

  it('counts the addresses of one IPv6 /64 together, and another /64 apart', async () => {
    const [a, b] = randomBytes(2);
    const prefix = `2001:db8:${a.toString(16)}:${b.toString(16)}`;
    const responses = await burst((attempt) =>
      signIn(api, uniqueEmail('nobody'), WRONG, `${prefix}::${(attempt + 1).toString(16)}`),
    );
    expectRateLimited(responses[responses.length - 1]);
    await signIn(api, uniqueEmail('nobody'), WRONG, `2001:db8:${a.toString(16)}:ffff::1`).expect(
      401,
    );
  });

  it('limits registrations from one address', async () => {
    const ip = uniqueIp();
    const responses = await burst(() =>
      request(api.url)
        .post('/api/v1/auth/register')
        .set('x-forwarded-for', ip)
        .send(registration()),
    );
    expect(responses[0].status).toBe(201);
    expectRateLimited(responses[responses.length - 1]);
  });

  it('limits password reset requests from one address', async () => {
    const ip = uniqueIp();
    const responses = await burst(() =>
      request(api.url)
        .post('/api/v1/auth/password/forgot')
        .set('x-forwarded-for', ip)
        .send({ email: uniqueEmail() }),
    );
    expect(responses[0].status).toBe(202);
    expectRateLimited(responses[responses.length - 1]);
  });

  it('limits password changes per account, and shares the lock of sign-in', async () => {
    const person = await register(api);
    const change = (currentPassword: string) =>
      request(api.url)
        .post('/api/v1/me/password')
        .set('authorization', bearer(person))
        .send({ currentPassword, newPassword: 'autre-cle-tetouan-31' });
    await change(WRONG).expect(400);
    await change(WRONG).expect(400);
    expectRateLimited(await change(person.password), 3600);

    const other = await register(api);
    for (let attempt = 0; attempt < 3; attempt++) {
      await signIn(api, other.email, WRONG, uniqueIp()).expect(401);
    }
    const locked = await request(api.url)
      .post('/api/v1/me/password')
      .set('authorization', bearer(other))
      .send({ currentPassword: other.password, newPassword: 'autre-cle-tetouan-31' });
    expectRateLimited(locked, 1);
  });

  it('does not count invalid requests: a malformed body is a 400, not an attempt', async () => {
    const ip = uniqueIp();
    for (let attempt = 0; attempt < BURST; attempt++) {
      await request(api.url)
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', ip)
        .send({ email: 'not-an-email' })
        .expect(400);
    }
    await signIn(api, uniqueEmail('nobody'), WRONG, ip).expect(401);
  });
});

describe('rate limits while Redis is down', () => {
  let api: TestApp;

  beforeAll(async () => {
    // Nothing listens on port 1: every Redis command fails at once.
    api = await startTestApp({
      LOGIN_RATE_LIMIT_PER_ADDRESS: '1',
      LOGIN_FAILURES_BEFORE_LOCK: '1',
      REDIS_URL: 'redis://127.0.0.1:1',
    });
  });

  afterAll(() => api.close());

  it('fails open: people still register and sign in, and are never told 429', async () => {
    const person = await register(api);
    const ip = uniqueIp();
    await signIn(api, person.email, WRONG, ip).expect(401);
    for (let attempt = 0; attempt < 3; attempt++) {
      await request(api.url)
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', ip)
        .send({ email: person.email, password: person.password })
        .expect(200);
    }
  });
});
