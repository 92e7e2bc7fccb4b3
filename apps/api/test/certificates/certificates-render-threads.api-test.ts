// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { threadId } from 'node:worker_threads';
import type { INestApplicationContext } from '@nestjs/common';
import { CertificateRenderer, RenderThreadPool } from '@oris/api/certificates';
import { startSmtpServer, type TestSmtpServer } from '@oris/api/notifications/testing';
import { Cast, castOf, client } from '../catalogue/catalogue-client';
import { eventually } from '../notifications/outbox-support';
import {
  CertificateTestApp,
  database,
  sessionWithCompleters,
  startCertificateTestApp,
  startCertificateWorker,
} from './certificate-support';

const COMPLETERS = 6;

/**
 * Where the work of a batch runs: every PDF drawn by a render thread of the worker, none by its
 * main thread. This process runs the worker's modules (as `CertificateWorkerTestModule`), so its
 * main thread is the worker's: a spy on the renderer here sees any render done on it (the render
 * threads load their own copy of the renderer, which the spy does not reach), and the pool counts
 * the PDFs each of its threads drew. How much main-thread CPU this saves is a figure of the P5
 * benchmark (docs/PERFORMANCE.md), not an assertion: a busy machine would make it flaky.
 */
describe('certificates: rendering off the worker main thread', () => {
  let api: CertificateTestApp;
  let cast: Cast;
  let smtp: TestSmtpServer;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    api = await startCertificateTestApp();
    smtp = await startSmtpServer();
    cast = await castOf(api);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await worker?.close();
    await api.close();
    await smtp.close();
  });

  it('draws every certificate of a batch on a render thread, none on the main thread', async () => {
    const { sessionId } = await sessionWithCompleters(api, cast.trainer, cast.admin, COMPLETERS);
    const mainThreadRenders = jest.spyOn(CertificateRenderer.prototype, 'render');
    worker = await startCertificateWorker(api, smtp.url, { render: { threads: 2 } });
    const pool = worker.get(RenderThreadPool, { strict: false });

    await client(api).as(cast.admin).post(`/api/v1/sessions/${sessionId}/certificates`).expect(202);
    await eventually(async () => {
      const [{ left }] = await database(api).query(
        `SELECT count(*) FILTER (WHERE render_state <> 'rendered')::int AS left
           FROM certificate WHERE session_id = $1`,
        [sessionId],
      );
      return left === 0 ? true : undefined;
    }, 240_000);

    expect(mainThreadRenders).not.toHaveBeenCalled();
    const drawn = [...pool.renderedByThread];
    expect(drawn.reduce((sum, [, count]) => sum + count, 0)).toBe(COMPLETERS);
    for (const [drawnBy] of drawn) {
      expect(drawnBy).not.toBe(threadId);
      expect(pool.threadIds).toContain(drawnBy);
    }
  }, 300_000);
});
