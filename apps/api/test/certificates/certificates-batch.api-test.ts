// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { startSmtpServer, type TestSmtpServer } from '@oris/api/notifications/testing';
import { Cast, castOf, client } from '../catalogue/catalogue-client';
import { signInAsNewAdmin } from '../identity/support/identity-client';
import { eventually } from '../notifications/outbox-support';
import {
  CertificateTestApp,
  database,
  readStored,
  sessionWithCompleters,
  sha256,
  startCertificateTestApp,
  startCertificateWorker,
} from './certificate-support';

/** A session's certificates at once: 202 and a job, progress from the database, 50 emails. */
describe('certificates: batch issuance of a session', () => {
  let api: CertificateTestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;
  let smtp: TestSmtpServer;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    api = await startCertificateTestApp();
    smtp = await startSmtpServer();
    cast = await castOf(api);
    http = client(api);
  });

  afterAll(async () => {
    await worker?.close();
    await api.close();
    await smtp.close();
  });

  const startBatch = (sessionId: string) =>
    http.as(cast.admin).post(`/api/v1/sessions/${sessionId}/certificates`).expect(202);
  const progress = (jobId: string) => http.as(cast.admin).get(`/api/v1/jobs/${jobId}`).expect(200);

  it('issues, renders and emails the certificates of 50 completers', async () => {
    const { sessionId, userIds } = await sessionWithCompleters(api, cast.trainer, cast.admin, 50);
    const { jobId } = (await startBatch(sessionId)).body;
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);

    // Every certificate exists as soon as the API answered; no worker has run yet.
    const waiting = await progress(jobId);
    expect(waiting.body).toMatchObject({
      state: 'waiting',
      total: 50,
      done: 0,
      failed: 0,
      progress: 0,
    });
    const [{ count }] = await database(api).query(
      `SELECT count(*)::int AS count FROM certificate WHERE session_id = $1`,
      [sessionId],
    );
    expect(count).toBe(50);

    worker = await startCertificateWorker(api, smtp.url);
    const seen = new Set<number>();
    const finished = await eventually(async () => {
      const { body } = await progress(jobId);
      seen.add(body.progress);
      return body.done === 50 ? body : undefined;
    }, 90_000);
    expect(finished).toMatchObject({ state: 'completed', progress: 100, total: 50, failed: 0 });

    // One email per completer, each with its PDF: the same bytes as the record and the file.
    const emails = await eventually(async () => {
      const received = smtp.messages.filter((message) => message.attachments.length > 0);
      return received.length >= 50 ? received : undefined;
    }, 60_000);
    const rows: { sha256: string; storage_key: string; serial: string; email: string }[] =
      await database(api).query(
        `SELECT c.sha256, c.storage_key, c.serial, u.email
           FROM certificate c JOIN users u ON u.id = c.user_id WHERE c.session_id = $1`,
        [sessionId],
      );
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((row) => row.email)).size).toBe(50);
    for (const row of rows) {
      const mine = emails.filter((email) => email.to.includes(row.email));
      expect(mine).toHaveLength(1);
      const [attachment] = mine[0].attachments;
      expect(attachment.filename).toBe(`${row.serial}.pdf`);
      expect(attachment.contentType).toBe('application/pdf');
      expect(sha256(attachment.content)).toBe(row.sha256);
      expect(sha256(await readStored(api, row.storage_key))).toBe(row.sha256);
    }
    const sent = await database(api).query(
      `SELECT count(*)::int AS count FROM email_outbox
        WHERE template = 'certificate_issued' AND user_id = ANY($1) AND status = 'sent'`,
      [userIds],
    );
    expect(sent[0].count).toBe(50);

    // Repeating the batch adds nothing, and its job is complete at once.
    const again = (await startBatch(sessionId)).body;
    expect(again.jobId).not.toBe(jobId);
    expect((await progress(again.jobId)).body).toMatchObject({
      state: 'completed',
      total: 50,
      done: 50,
    });
    const [{ total }] = await database(api).query(
      `SELECT count(*)::int AS total FROM certificate WHERE session_id = $1`,
      [sessionId],
    );
    expect(total).toBe(50);
  });

  it('adds nothing when batches of the same session run concurrently', async () => {
    const { sessionId } = await sessionWithCompleters(api, cast.trainer, cast.admin, 12);
    const jobs = await Promise.all(Array.from({ length: 4 }, () => startBatch(sessionId)));
    expect(new Set(jobs.map((job) => job.body.jobId)).size).toBe(4);
    const rows: { serial: string }[] = await database(api).query(
      `SELECT serial FROM certificate WHERE session_id = $1`,
      [sessionId],
    );
    expect(rows).toHaveLength(12);
    // Serials are unique and gapless across the whole year.
    const all: { serial: string }[] = await database(api).query(
      `SELECT serial FROM certificate ORDER BY serial`,
    );
    const numbers = all.map((row) => Number(row.serial.slice(-6)));
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    for (const job of jobs) {
      const { body } = await progress(job.body.jobId);
      expect(body.total).toBe(12);
    }
  });

  it('shows a job to administrators only; 404 for anyone else and unknown ids', async () => {
    const { sessionId } = await sessionWithCompleters(api, cast.trainer, cast.admin, 1);
    const { jobId } = (await startBatch(sessionId)).body;
    const otherAdmin = await signInAsNewAdmin(api);
    await http.as(otherAdmin).get(`/api/v1/jobs/${jobId}`).expect(200);
    await http.as(cast.trainer).get(`/api/v1/jobs/${jobId}`).expect(404);
    await http.as(cast.trainee).get(`/api/v1/jobs/${jobId}`).expect(404);
    await http.anonymous.get(`/api/v1/jobs/${jobId}`).expect(401);
    await http.as(cast.admin).get('/api/v1/jobs/5e0c7c0e-0000-4000-8000-000000000000').expect(404);
    await http
      .as(cast.admin)
      .post('/api/v1/sessions/5e0c7c0e-0000-4000-8000-000000000000/certificates')
      .expect(404);
  });
});
