import request, { Response } from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';
import { register, registration, uniqueEmail, uniqueIp } from './support/identity-client';
import { startIdentityTestApp } from './support/identity-test-app';

const LIMIT = 3;

/**
 * Windows are fixed minutes, so a burst may straddle two of them: 2 × limit + 1 attempts always
 * overflow one window, whatever the second they start at.
 */
const BURST = 2 * LIMIT + 1;

function expectRateLimited(response: Response) {
  expect(response.status).toBe(429);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status: 429, code: 'rate_limited' });
  const retryAfter = Number(response.headers['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe('rate limits on sign-in, registration and password reset', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startIdentityTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  });

  afterAll(() => api.close());

  const login = (email: string, password: string, ip: string) =>
    request(api.url)
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', ip)
      .send({ email, password });

  /** Sends attempts until one is refused; returns the statuses seen. */
  async function burst(send: (attempt: number) => Promise<Response>): Promise<Response[]> {
    const responses: Response[] = [];
    for (let attempt = 0; attempt < BURST; attempt++) {
      const response = await send(attempt);
      responses.push(response);
      if (response.status === 429) break;
    }
    return responses;
  }

  it('answers 429 with Retry-After once one address has spent its login attempts', async () => {
    const ip = uniqueIp();
    const responses = await burst(() => login(uniqueEmail('nobody'), 'wrong-password-00', ip));
    expect(responses.slice(0, LIMIT).map((response) => response.status)).toEqual(
      Array(LIMIT).fill(401),
    );
    expectRateLimited(responses[responses.length - 1]);
  });

  it('answers 429 once one account has spent its attempts, from however many addresses', async () => {
    const target = await register(api);
    const responses = await burst(() => login(target.email, 'wrong-password-00', uniqueIp()));
    expect(responses.slice(0, LIMIT).map((response) => response.status)).toEqual(
      Array(LIMIT).fill(401),
    );
    expectRateLimited(responses[responses.length - 1]);
  });

  it('refuses even the right password while the account is limited', async () => {
    const target = await register(api);
    await burst(() => login(target.email, 'wrong-password-00', uniqueIp()));
    expectRateLimited(await login(target.email, target.password, uniqueIp()));
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

  it('does not count invalid requests: a malformed body is a 400, not an attempt', async () => {
    const ip = uniqueIp();
    for (let attempt = 0; attempt < BURST; attempt++) {
      await request(api.url)
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', ip)
        .send({ email: 'not-an-email' })
        .expect(400);
    }
    await login(uniqueEmail('nobody'), 'wrong-password-00', ip).expect(401);
  });
});

describe('rate limits while Redis is down', () => {
  let api: TestApp;

  beforeAll(async () => {
    // Nothing listens on port 1: every Redis command fails at once.
    api = await startTestApp({
      LOGIN_RATE_LIMIT_PER_MINUTE: '1',
      REDIS_URL: 'redis://127.0.0.1:1',
    });
  });

  afterAll(() => api.close());

  it('fails open: people still register and sign in, and are never told 429', async () => {
    const person = await register(api);
    const ip = uniqueIp();
    for (let attempt = 0; attempt < 3; attempt++) {
      await request(api.url)
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', ip)
        .send({ email: person.email, password: person.password })
        .expect(200);
    }
  });
});
