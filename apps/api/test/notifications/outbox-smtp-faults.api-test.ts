import { EmailOutbox } from '@oris/api/notifications';
import {
  startEmailWorker,
  startSmtpServer,
  type EmailWorkerHandle,
  type TestSmtpServer,
} from '@oris/api/notifications/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { registration, uniqueIp } from '../identity/support/identity-client';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  closedPort,
  eventually,
  outboxRows,
  pause,
  uniqueAddress,
  uniqueQueuePrefix,
  workerConfig,
  type OutboxRow,
} from './outbox-support';

/**
 * R7: the SMTP server down, refusing, then slow. Emails are retried with backoff, none is lost,
 * none is sent twice, and the API keeps answering meanwhile. The worker runs in this process with
 * the tests' short retry delays; the SMTP server listens on a port this file reserved, so that it
 * can be "down" (nothing listening) first and come up later at the same address.
 */
describe('email delivery while the SMTP server is down, refusing or slow', () => {
  let api: TestApp;
  let worker: EmailWorkerHandle;
  let smtp: TestSmtpServer | undefined;
  let smtpPort: number;
  let outbox: EmailOutbox;

  const send = async (to: string) => {
    await api.app.get(DataSource).transaction((manager) =>
      outbox.add(manager, {
        to,
        template: 'password_reset',
        locale: 'fr',
        params: { fullName: 'Nadia', resetUrl: 'https://oris.example/reset?token=t' },
      }),
    );
    outbox.dispatchPending();
    return to;
  };
  const rowWhen = (to: string, done: (row: OutboxRow) => boolean) =>
    eventually(async () => {
      const [row] = await outboxRows(api, to);
      return row && done(row) ? row : undefined;
    }, 30_000);
  const received = (to: string) => smtp?.messages.filter((email) => email.to.includes(to)) ?? [];
  /** The platform still serves users: a registration (a write, which itself queues an email). */
  const register = async () => {
    await request(api.url)
      .post('/api/v1/auth/register')
      .set('x-forwarded-for', uniqueIp())
      .send(registration({ locale: 'fr' }))
      .expect(201);
  };

  beforeAll(async () => {
    smtpPort = await closedPort();
    api = await startTestApp({ QUEUE_PREFIX: uniqueQueuePrefix() });
    outbox = api.app.get(EmailOutbox);
    worker = await startEmailWorker(workerConfig(api, `smtp://127.0.0.1:${smtpPort}`), {
      // Rounds long enough not to end while the server is down in this test.
      retryBaseDelayMs: 50,
      roundDelayMs: 500,
      maxAttempts: 40,
    });
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  const downTo = [uniqueAddress('down-1'), uniqueAddress('down-2'), uniqueAddress('down-3')];

  it('keeps retrying, with the connection error recorded, while nothing listens', async () => {
    for (const to of downTo) await send(to);
    for (const to of downTo) {
      const row = await rowWhen(to, (candidate) => candidate.attempts >= 2);
      expect(row).toMatchObject({ status: 'pending', sent_at: null, uncertain_sends: 0 });
      expect(row.last_error).toMatch(/ECONNREFUSED/);
    }
    await register();
  });

  it('delivers each of them exactly once when the server comes up', async () => {
    smtp = await startSmtpServer({ port: smtpPort });
    for (const to of downTo) {
      const row = await rowWhen(to, (candidate) => candidate.status === 'sent');
      const [email] = received(to);
      expect(email.headers['message-id']).toBe(row.message_id);
    }
    // Several retry delays later, still one each.
    await pause(1_000);
    for (const to of downTo) expect(received(to)).toHaveLength(1);
  });

  it('retries a message refused after its data (4xx on DATA), then delivers it once', async () => {
    const server = smtp as TestSmtpServer;
    const refusedBefore = server.refusals;
    server.refuseData(2, 452);
    const to = await send(uniqueAddress('data-refused'));
    const row = await rowWhen(to, (candidate) => candidate.status === 'sent');
    expect(server.refusals - refusedBefore).toBe(2);
    expect(row.attempts).toBe(3);
    expect(row.last_error).toMatch(/452/);
    await pause(300);
    expect(received(to)).toHaveLength(1);
  });

  it('serves requests while the server holds a message, and sends it once', async () => {
    const server = smtp as TestSmtpServer;
    const to = uniqueAddress('slow');
    let servedMeanwhile = 0;
    // The server sits on the message until the API has answered registrations: the platform
    // works while a delivery hangs.
    server.beforeAccept(async (email) => {
      if (!email.to.includes(to)) return;
      for (let i = 0; i < 3; i += 1) {
        await register();
        servedMeanwhile += 1;
      }
    });
    await send(to);
    const row = await rowWhen(to, (candidate) => candidate.status === 'sent');
    server.beforeAccept(undefined);
    expect(servedMeanwhile).toBe(3);
    expect(row.attempts).toBe(1);
    expect(received(to)).toHaveLength(1);
  });
});
