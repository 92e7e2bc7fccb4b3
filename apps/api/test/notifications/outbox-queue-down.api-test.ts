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
} from './outbox-support';

describe('email outbox while Redis is down', () => {
  let api: TestApp;
  let smtp: TestSmtpServer;
  let worker: EmailWorkerHandle | undefined;
  const trainee = registration({ locale: 'fr' });
  const direct = uniqueAddress('direct');

  beforeAll(async () => {
    // Nothing listens there: the API runs as if Redis were down for the whole file.
    const closedRedisUrl = `redis://127.0.0.1:${await closedPort()}`;
    [api, smtp] = await Promise.all([
      startTestApp({ REDIS_URL: closedRedisUrl, QUEUE_PREFIX: uniqueQueuePrefix() }),
      startSmtpServer(),
    ]);
  });

  afterAll(async () => {
    await worker?.close();
    await api.close();
    await smtp.close();
  });

  it('still registers the trainee, promptly, and keeps the welcome email pending', async () => {
    // Were the request to wait for Redis it would never answer (the queue retries forever): the
    // test's own timeout is the guard, with no duration measured here.
    await request(api.url)
      .post('/api/v1/auth/register')
      .set('x-forwarded-for', uniqueIp())
      .send(trainee)
      .expect(201);

    const [row] = await outboxRows(api, trainee.email);
    expect(row).toMatchObject({
      template: 'welcome',
      locale: 'fr',
      status: 'pending',
      attempts: 0,
      enqueued_at: null,
    });
  });

  it('writes an email if and only if the transaction that causes it commits', async () => {
    const outbox = api.app.get(EmailOutbox);
    const dataSource = api.app.get(DataSource);
    const email = {
      template: 'welcome',
      locale: 'en',
      params: { confirmUrl: 'https://oris.example/confirm-email?token=t' },
    } as const;
    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.add(manager, { ...email, to: uniqueAddress('rolled-back') });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    await dataSource.transaction((manager) => outbox.add(manager, { ...email, to: direct }));

    // Fire and forget: nothing to await, so no caller ever waits for Redis.
    expect(outbox.dispatchPending()).toBeUndefined();
    expect(outbox.dispatchPending()).toBeUndefined();
    await pause(300);
    expect(await outboxRows(api, direct)).toEqual([
      expect.objectContaining({ status: 'pending', enqueued_at: null }),
    ]);
    const [{ count }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM email_outbox WHERE to_address LIKE 'rolled-back.%'`,
    );
    expect(count).toBe(0);
  });

  it('delivers each pending email exactly once when a worker runs against a reachable Redis', async () => {
    worker = await startEmailWorker(workerConfig(api, smtp.url));

    const welcome = await smtp.waitFor((email) => email.to.includes(trainee.email));
    // Nothing the registrant typed: anyone may register with someone else's address.
    expect(welcome.subject).toBe('Bienvenue sur ORIS Academy');
    expect(welcome.text).not.toContain(trainee.fullName);
    expect(welcome.html).toContain('<html lang="fr" dir="ltr">');
    await smtp.waitFor((email) => email.to.includes(direct));

    const [row] = await eventually(async () => {
      const rows = await outboxRows(api, trainee.email);
      return rows[0]?.status === 'sent' ? rows : undefined;
    });
    expect(row.attempts).toBe(1);
    expect(row.sent_at).toBeInstanceOf(Date);
    expect(row.message_id).toBe(welcome.headers['message-id']);

    // Many sweeps later, still one email each.
    await pause(1_000);
    expect(smtp.messages.filter((email) => email.to.includes(trainee.email))).toHaveLength(1);
    expect(smtp.messages.filter((email) => email.to.includes(direct))).toHaveLength(1);
  });
});
