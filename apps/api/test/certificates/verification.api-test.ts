// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/app/create-app';
import { Cast, castOf, client } from '../catalogue/catalogue-client';
import { uniqueIp } from '../identity/support/identity-client';
import {
  CertificateTestApp,
  database,
  sessionWithCompleters,
  startCertificateTestApp,
} from './certificate-support';

/** What the worker records once it rendered a certificate's PDF. */
const RENDERED_SHA256 = 'ab'.repeat(32);

/**
 * Public verification served from each API process's memory: two API processes on one database
 * and one Redis, as in production (P9). A revocation through one shows at once through both; the
 * per-IP budget is one budget for both.
 */
describe('verification across two API processes', () => {
  let api: CertificateTestApp;
  let second: NestFastifyApplication;
  let secondUrl: string;
  let cast: Cast;
  let enrollmentIds: string[];
  let next = 0;

  beforeAll(async () => {
    api = await startCertificateTestApp();
    // The same configuration: the same database, Redis, queues and channel.
    second = await createApp(api.config);
    await second.listen({ port: 0, host: '127.0.0.1' });
    const address = second.getHttpServer().address();
    secondUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    cast = await castOf(api);
    ({ enrollmentIds } = await sessionWithCompleters(api, cast.trainer, cast.admin, 6));
  });

  afterAll(async () => {
    await second?.close();
    await api?.close();
  });

  const processes = () => [api.url, secondUrl];

  /** Looks `code` up from a fresh address (its own budget), through the process at `url`. */
  const verify = (url: string, code: string) =>
    request(url).get(`/api/v1/verify/${code}`).set('x-forwarded-for', uniqueIp());

  /** Issues the next completer's certificate through the first process. */
  async function issue(): Promise<{ id: string; verificationCode: string; serial: string }> {
    const response = await client(api)
      .as(cast.admin)
      .post(`/api/v1/enrollments/${enrollmentIds[next++]}/certificate`)
      .expect(201);
    return response.body;
  }

  /** As the worker does after rendering: the answer is final (and cached) from then on. */
  const markRendered = (id: string) =>
    database(api).query(
      `UPDATE certificate
          SET render_state = 'rendered', rendered_at = now(), sha256 = $2,
              storage_key = 'certificates/' || id || '.pdf'
        WHERE id = $1`,
      [id, RENDERED_SHA256],
    );

  const revokeThrough = (url: string, id: string, reason: string) =>
    request(url)
      .post(`/api/v1/certificates/${id}/revoke`)
      .auth(cast.admin.accessToken, { type: 'bearer' })
      .send({ reason })
      .expect(200);

  it('verifies a certificate through either process as soon as it is issued', async () => {
    const certificate = await issue();
    for (const url of processes()) {
      const answer = await verify(url, certificate.verificationCode).expect(200);
      expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(answer.body).toMatchObject({
        valid: true,
        status: 'valid',
        serial: certificate.serial,
        sha256: null,
      });
    }
  });

  it('shows the PDF hash once rendered: an answer is not kept before then', async () => {
    const certificate = await issue();
    await verify(secondUrl, certificate.verificationCode).expect(200);
    await markRendered(certificate.id);
    const answer = await verify(secondUrl, certificate.verificationCode).expect(200);
    expect(answer.body.sha256).toBe(RENDERED_SHA256);
  });

  it('serves a rendered certificate’s answer from memory, not from the database', async () => {
    const certificate = await issue();
    await markRendered(certificate.id);
    const before = await verify(secondUrl, certificate.verificationCode).expect(200);
    // A change the application never makes (the printed snapshot is immutable), made behind its
    // back: the cached answer does not see it, which shows the lookup skipped the database.
    await database(api).query(`UPDATE certificate SET holder_name = 'Changed' WHERE id = $1`, [
      certificate.id,
    ]);
    const after = await verify(secondUrl, certificate.verificationCode).expect(200);
    expect(after.body.holderName).toBe(before.body.holderName);
  });

  it.each([
    ['the first', 0, 1],
    ['the second', 1, 0],
  ])('shows a revocation through %s process at once in both', async (_, revoking, other) => {
    const certificate = await issue();
    await markRendered(certificate.id);
    // Both processes hold the valid answer in memory.
    for (const url of processes()) {
      for (let lookup = 0; lookup < 2; lookup++) {
        const answer = await verify(url, certificate.verificationCode).expect(200);
        expect(answer.body).toMatchObject({ valid: true, status: 'valid' });
      }
    }

    await revokeThrough(processes()[revoking], certificate.id, 'fraud');

    // The revoking process forgets the code before it answers; the other hears it from Redis,
    // which relays the message before PUBLISH returns but may not have been read yet: a few
    // milliseconds, never the cache's TTL.
    for (const url of [processes()[other], processes()[revoking]]) {
      let answer = await verify(url, certificate.verificationCode).expect(200);
      for (
        let tries = 0;
        answer.body.valid && url !== processes()[revoking] && tries < 20;
        tries++
      ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        answer = await verify(url, certificate.verificationCode).expect(200);
      }
      expect(answer.body).toMatchObject({
        valid: false,
        status: 'revoked',
        reason: 'fraud',
        revocationMonth: expect.stringMatching(/^\d{4}-\d{2}$/),
      });
    }
  });

  it('keeps one budget per address across both processes, 429 with Retry-After over it', async () => {
    // Fixed minutes: a burst across a minute boundary would get two budgets.
    const secondsLeft = 60 - new Date().getUTCSeconds();
    if (secondsLeft < 10) await new Promise((done) => setTimeout(done, secondsLeft * 1_000 + 200));
    const ip = uniqueIp();
    const code = 'C'.repeat(24);
    const statuses: number[] = [];
    let limited: request.Response | undefined;
    // Alternating processes, 10 at a time, well past the default budget of 60 a minute.
    for (let round = 0; round < 12; round++) {
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          request(processes()[index % 2])
            .get(`/api/v1/verify/${code}`)
            .set('x-forwarded-for', ip),
        ),
      );
      statuses.push(...responses.map((response) => response.status));
      limited ??= responses.find((response) => response.status === 429);
    }
    // Each process refuses the address by now, or within the one batch it may allow blind.
    for (const url of processes()) {
      for (let lookup = 0; lookup < 7; lookup++) {
        const response = await request(url)
          .get(`/api/v1/verify/${code}`)
          .set('x-forwarded-for', ip);
        statuses.push(response.status);
      }
      expect(statuses[statuses.length - 1]).toBe(429);
      // Another address is unaffected.
      await verify(url, code).expect(404);
    }
    const answered = statuses.filter((status) => status === 404).length;
    // Exactly 60 from one process; two may together overshoot by one batch (a tenth of the limit).
    expect(answered).toBeGreaterThanOrEqual(60);
    expect(answered).toBeLessThanOrEqual(66);
    expect(statuses.filter((status) => status !== 404 && status !== 429)).toEqual([]);
    expect(limited?.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(limited?.body).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });
});
