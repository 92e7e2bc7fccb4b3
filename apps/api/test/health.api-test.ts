import request from 'supertest';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { startTestApp, TestApp } from './support/test-app';

describe('health', () => {
  let api: TestApp;
  // Warnings Node would print while the app boots (Fastify's deprecations among them).
  let bootWarnings: unknown[][];

  beforeAll(async () => {
    const emitWarning = jest.spyOn(process, 'emitWarning');
    try {
      api = await startTestApp();
    } finally {
      bootWarnings = emitWarning.mock.calls;
      emitWarning.mockRestore();
    }
  });

  it('boots without a deprecation or other warning', () => {
    expect(bootWarnings).toEqual([]);
  });

  afterAll(() => api.close());

  it('answers alive without touching the database', async () => {
    await request(api.url).get('/api/health').expect(200, { status: 'ok' });
  });

  it('reports PostgreSQL and Redis as up when both answer', async () => {
    const response = await request(api.url).get('/api/health/ready').expect(200);
    expect(response.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('sends strict security headers and the request id on every answer', async () => {
    const response = await request(api.url)
      .get('/api/v1/regions')
      .set('x-request-id', 'trace-42')
      .expect(200);
    expect(response.headers).toMatchObject({
      'content-security-policy': expect.stringContaining("default-src 'none'"),
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'x-request-id': 'trace-42',
    });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('answers an unknown route with a problem+json 404', async () => {
    const response = await request(api.url).get('/api/v1/nowhere').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('answers malformed JSON with a problem+json 400, never a 500', async () => {
    const response = await request(api.url)
      .post('/api/v1/regions')
      .set('content-type', 'application/json')
      .send('{"broken": ')
      .expect(400);
    expect(response.body).toMatchObject({ status: 400, code: 'bad_request' });
  });

  it('lists the 12 regions in official order with their three names', async () => {
    const response = await request(api.url).get('/api/v1/regions').expect(200);
    expect(response.body).toHaveLength(12);
    expect(response.body[0]).toEqual({
      code: 'MA-01',
      nameFr: 'Tanger-Tétouan-Al Hoceïma',
      nameAr: 'طنجة تطوان الحسيمة',
      nameEn: 'Tangier-Tetouan-Al Hoceima',
    });
    expect(response.body[11].code).toBe('MA-12');
  });
});

describe('readiness while Redis is down', () => {
  let api: TestApp;
  let redis: TcpProxy;

  beforeAll(async () => {
    const shared = new URL(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
    redis = await startTcpProxy({ host: shared.hostname, port: Number(shared.port || 6379) });
    api = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${redis.port}` });
    await request(api.url).get('/api/health/ready').expect(200);
    redis.cut();
  });

  afterAll(async () => {
    await api.close();
    await redis.close();
  });

  it('answers 503 naming what is down, without echoing internal hosts or error messages', async () => {
    const response = await request(api.url).get('/api/health/ready').expect(503);
    expect(response.body).toEqual({
      status: 'error',
      info: { database: { status: 'up' } },
      error: { redis: { status: 'down' } },
      details: { database: { status: 'up' }, redis: { status: 'down' } },
    });
    expect(response.text).not.toContain(String(redis.port));
    expect(response.text).not.toContain('127.0.0.1');
    expect(response.text).not.toMatch(/ECONN|connect|writeable/i);
  });

  it('still answers liveness', async () => {
    await request(api.url).get('/api/health').expect(200, { status: 'ok' });
  });

  it('is ready again once Redis is back, by itself', async () => {
    redis.restore();
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      status = (await request(api.url).get('/api/health/ready')).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
  });
});
