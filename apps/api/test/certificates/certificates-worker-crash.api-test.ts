// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startSmtpServer, type TestSmtpServer } from '@oris/api/notifications/testing';
import { Cast, castOf, client } from '../catalogue/catalogue-client';
import { eventually } from '../notifications/outbox-support';
import {
  CertificateTestApp,
  database,
  readStored,
  sessionWithCompleters,
  sha256,
  spawnWorker,
  startCertificateTestApp,
} from './certificate-support';

const COMPLETERS = 80;

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/**
 * R1: the worker is killed (SIGKILL) in the middle of a batch and started again. Every completer
 * ends with exactly one certificate, one stored PDF and one email.
 */
describe('certificates: worker killed in the middle of a batch', () => {
  let api: CertificateTestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;
  let smtp: TestSmtpServer;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    api = await startCertificateTestApp();
    smtp = await startSmtpServer();
    cast = await castOf(api);
    http = client(api);
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      worker.kill('SIGKILL');
      await exited(worker);
    }
    await api.close();
    await smtp.close();
  });

  it('ends with one certificate, one file and one email per completer', async () => {
    const { sessionId, userIds } = await sessionWithCompleters(
      api,
      cast.trainer,
      cast.admin,
      COMPLETERS,
    );
    const { jobId } = (
      await http.as(cast.admin).post(`/api/v1/sessions/${sessionId}/certificates`).expect(202)
    ).body;
    const progress = async () =>
      (await http.as(cast.admin).get(`/api/v1/jobs/${jobId}`).expect(200)).body;

    worker = await spawnWorker(api, smtp.url);
    const atKill = await eventually(async () => {
      const body = await progress();
      return body.done >= 3 ? body : undefined;
    }, 120_000);
    worker.kill('SIGKILL');
    await exited(worker);
    const doneAfterKill = (await progress()).done;
    // Killed in the middle: some rendered, some not.
    expect(doneAfterKill).toBeGreaterThanOrEqual(atKill.done);
    expect(doneAfterKill).toBeLessThan(COMPLETERS);

    worker = await spawnWorker(api, smtp.url);
    // Renders the killed worker held come back once their lock expires (BullMQ's stalled check).
    const finished = await eventually(async () => {
      const body = await progress();
      return body.done + body.failed === COMPLETERS ? body : undefined;
    }, 240_000);
    expect(finished).toMatchObject({ state: 'completed', done: COMPLETERS, failed: 0 });
    expect(finished.done).toBeGreaterThan(doneAfterKill);

    const rows: {
      id: string;
      sha256: string;
      storage_key: string;
      email: string;
      outbox: string;
    }[] = await database(api).query(
      `SELECT c.id, c.sha256, c.storage_key, u.email, c.email_outbox_id AS outbox
           FROM certificate c JOIN users u ON u.id = c.user_id WHERE c.session_id = $1`,
      [sessionId],
    );
    // One certificate per completer.
    expect(rows).toHaveLength(COMPLETERS);
    expect(new Set(rows.map((row) => row.email)).size).toBe(COMPLETERS);

    // One stored file per certificate, nothing else, each matching its record (a write cut by
    // the kill may leave a hidden temporary file, never a second or torn PDF).
    const files = (await readdir(join(api.storageDir, 'certificates'))).filter(
      (name) => !name.startsWith('.'),
    );
    expect(files.sort()).toEqual(rows.map((row) => `${row.id}.pdf`).sort());
    for (const row of rows) {
      expect(sha256(await readStored(api, row.storage_key))).toBe(row.sha256);
    }

    // One email per completer: one outbox row each, all sent, and one message per recipient.
    const outbox: { user_id: string; status: string; id: string }[] = await database(api).query(
      `SELECT id, user_id, status FROM email_outbox
        WHERE template = 'certificate_issued' AND user_id = ANY($1)`,
      [userIds],
    );
    expect(outbox).toHaveLength(COMPLETERS);
    expect(new Set(outbox.map((row) => row.user_id)).size).toBe(COMPLETERS);
    expect(new Set(rows.map((row) => row.outbox))).toEqual(new Set(outbox.map((row) => row.id)));
    await eventually(async () => {
      const [{ pending }] = await database(api).query(
        `SELECT count(*) FILTER (WHERE status <> 'sent')::int AS pending FROM email_outbox
          WHERE template = 'certificate_issued' AND user_id = ANY($1)`,
        [userIds],
      );
      return pending === 0 ? true : undefined;
    }, 180_000);
    for (const row of rows) {
      const received = smtp.messages.filter((message) => message.to.includes(row.email));
      // A kill between the SMTP server's acceptance and the commit would resend the same
      // Message-ID (documented); distinct messages per person must still be exactly one.
      const messageIds = new Set(received.map((message) => message.headers['message-id']));
      expect({ email: row.email, messages: messageIds.size }).toEqual({
        email: row.email,
        messages: 1,
      });
      expect(sha256(received[0].attachments[0].content)).toBe(row.sha256);
    }
  }, 600_000);
});
