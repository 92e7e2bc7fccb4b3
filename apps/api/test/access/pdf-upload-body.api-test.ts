import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';

const MiB = 1024 * 1024;
const UNKNOWN_CODE = 'A'.repeat(24);

describe('raw PDF bodies: only on the file check, limited before they are buffered', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startIdentityTestApp();
  });

  afterAll(() => api.close());

  const pdf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(bytes)]);

  it('refuses a PDF body on any other route with 415, before reading it', async () => {
    for (const url of ['/api/v1/auth/login', '/api/v1/auth/register', '/api/v1/me/password']) {
      const response = await request(api.url)
        .post(url)
        .set('content-type', 'application/pdf')
        .send(pdf(1_000));
      expect(response.status).toBe(415);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('takes a PDF over the JSON limit on the file check, while JSON elsewhere keeps 1 MiB', async () => {
    const checked = await request(api.url)
      .post(`/api/v1/verify/${UNKNOWN_CODE}/file`)
      .set('content-type', 'application/pdf')
      .send(pdf(2 * MiB));
    // Read in full, then answered for the (unknown) code: the size was acceptable.
    expect(checked.status).toBe(404);
    const json = await request(api.url)
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ email: 'a@example.ma', password: 'x'.repeat(2 * MiB) }));
    expect(json.status).toBe(413);
  });

  it('refuses a body over 5 MiB with 413', async () => {
    const response = await request(api.url)
      .post(`/api/v1/verify/${UNKNOWN_CODE}/file`)
      .set('content-type', 'application/pdf')
      .send(pdf(5 * MiB));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ status: 413 });
  });

  it('answers 413 to a declared length over 5 MiB without waiting for the body', async () => {
    const { port } = new URL(api.url);
    const status = await new Promise<number>((resolve, reject) => {
      const pending = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/v1/verify/${UNKNOWN_CODE}/file`,
          headers: { 'content-type': 'application/pdf', 'content-length': String(6 * MiB) },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
          pending.destroy();
        },
      );
      pending.on('error', (error) => {
        if (!pending.destroyed) reject(error);
      });
      // A few bytes of the announced 6 MiB, and then nothing: the answer must not need the rest.
      pending.write(pdf(10));
    });
    expect(status).toBe(413);
  });
});
