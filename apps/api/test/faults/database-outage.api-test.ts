import request from 'supertest';
import {
  register,
  Session,
  setCookies,
  uniqueEmail,
  uniqueIp,
} from '../identity/support/identity-client';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { startTestApp, type TestApp } from '../support/test-app';

/** Until `check` passes or about 20 s went by: PostgreSQL coming back is noticed by the pool itself. */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

describe('PostgreSQL down (R5): 503 with Retry-After, sessions kept, reconnection by itself', () => {
  let api: TestApp;
  let postgres: TcpProxy;
  let person: Session;

  beforeAll(async () => {
    const shared = new URL(
      process.env['TEST_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    );
    postgres = await startTcpProxy({ host: shared.hostname, port: Number(shared.port || 5432) });
    // The app reaches its database through the proxy; the shared server itself is never stopped.
    api = await startTestApp(
      {},
      {
        databaseUrl: (url) => {
          const proxied = new URL(url);
          proxied.host = `127.0.0.1:${postgres.port}`;
          return proxied.toString();
        },
      },
    );
    person = await register(api);
    postgres.cut();
  });

  afterAll(async () => {
    postgres.restore();
    await api.close();
    await postgres.close();
  });

  function expectUnavailable(response: request.Response) {
    expect({ status: response.status, body: response.body }).toMatchObject({
      status: 503,
      body: { status: 503, code: 'unavailable', type: 'urn:oris:problem:unavailable' },
    });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    // No stack, no driver message, no internal address.
    expect(response.text).not.toMatch(/ECONN|Connection terminated|at .*\.js|127\.0\.0\.1/);
  }

  it('answers reads, sign-ins and signed-in requests under load with 503 problems, never 500', async () => {
    const requests = Array.from({ length: 10 }, () => [
      request(api.url).get('/api/v1/courses'),
      request(api.url)
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', uniqueIp())
        .send({ email: uniqueEmail(), password: 'whatever-12345' }),
      request(api.url).get('/api/v1/me').auth(person.accessToken, { type: 'bearer' }),
    ]).flat();
    const responses = await Promise.all(requests);
    for (const response of responses) expectUnavailable(response);
  });

  it('keeps the refresh cookie when a refresh fails for the outage: nobody is signed out', async () => {
    const response = await request(api.url)
      .post('/api/v1/auth/refresh')
      .set('cookie', person.refreshCookie);
    expectUnavailable(response);
    expect(setCookies(response).filter((cookie) => cookie.name === 'oris_refresh')).toEqual([]);
  });

  it('says in readiness that the database is down', async () => {
    const response = await request(api.url).get('/api/health/ready').expect(503);
    expect(response.body.details).toEqual({
      database: { status: 'down' },
      redis: { status: 'up' },
    });
  });

  it('reconnects by itself once PostgreSQL is back, and the same session refreshes', async () => {
    postgres.restore();
    const back = await eventually(
      async () => (await request(api.url).get('/api/v1/courses')).status === 200,
    );
    expect(back).toBe(true);
    const refreshed = await request(api.url)
      .post('/api/v1/auth/refresh')
      .set('cookie', person.refreshCookie)
      .expect(200);
    expect(refreshed.body.user.id).toBe(person.user.id);
    await request(api.url).get('/api/health/ready').expect(200);
  });

  it('still clears the cookie on a real refusal', async () => {
    // The cookie was rotated above: presenting it again is a reuse, refused for good.
    const response = await request(api.url)
      .post('/api/v1/auth/refresh')
      .set('cookie', person.refreshCookie)
      .expect(401);
    const cleared = setCookies(response).find((cookie) => cookie.name === 'oris_refresh');
    expect(cleared?.value).toBe('');
  });
});
