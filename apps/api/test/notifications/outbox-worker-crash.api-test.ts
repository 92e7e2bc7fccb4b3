// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { EmailOutbox } from '@oris/api/notifications';
import { startSmtpServer, type TestSmtpServer } from '@oris/api/notifications/testing';
import type { QueryRunner } from 'typeorm';
import {
  database,
  spawnWorker,
  startCertificateTestApp,
  type CertificateTestApp,
} from '../certificates/certificate-support';
import { eventually, outboxRows, uniqueAddress } from './outbox-support';

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/**
 * The worst moment for a crash: the SMTP server has accepted the email, the worker has not yet
 * committed that it is sent. The real worker runs in a child process; when the email arrives, the
 * test holds a SHARE lock on `email_outbox` (taken before the server answers), so the worker's
 * "sent" update waits on it after the server said 250, and the test kills the worker (SIGKILL)
 * there. Its transaction never commits. A new worker must find the email's send marker, count the
 * uncertain send, and send again with the same Message-ID: the recipient may get two copies,
 * which mail clients fold by that id (docs/RELIABILITY.md).
 */
describe('email outbox: worker killed between the SMTP server’s acceptance and the commit', () => {
  let api: CertificateTestApp;
  let smtp: TestSmtpServer;
  let worker: ChildProcess | undefined;
  let lock: QueryRunner | undefined;

  beforeAll(async () => {
    [api, smtp] = await Promise.all([startCertificateTestApp(), startSmtpServer()]);
  });

  afterAll(async () => {
    if (lock && !lock.isReleased) {
      await lock.rollbackTransaction().catch(() => undefined);
      await lock.release();
    }
    if (worker && worker.exitCode === null) {
      worker.kill('SIGKILL');
      await exited(worker);
    }
    await api.close();
    await smtp.close();
  });

  it('sends it again with the same Message-ID, and records the uncertain send', async () => {
    const to = uniqueAddress('crash');
    const held = new Promise<void>((resolve) => {
      smtp.beforeAccept(async (email) => {
        if (!email.to.includes(to) || lock) return;
        lock = database(api).createQueryRunner();
        await lock.connect();
        await lock.startTransaction();
        await lock.query(`LOCK TABLE email_outbox IN SHARE MODE`);
        resolve();
      });
    });

    worker = await spawnWorker(api, smtp.url);
    await database(api).transaction((manager) =>
      api.app.get(EmailOutbox).add(manager, {
        to,
        template: 'password_reset',
        locale: 'ar',
        params: { fullName: 'Hamza', resetUrl: 'https://oris.example/reset?token=t' },
      }),
    );
    api.app.get(EmailOutbox).dispatchPending();

    await held;
    const first = await smtp.waitFor((email) => email.to.includes(to));
    // The worker got its 250 and now waits on the lock to write "sent" (the update that records
    // the message id): kill it right there.
    await eventually(async () => {
      const waiting: unknown[] = await database(api).query(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'oris-worker'
            AND wait_event_type = 'Lock' AND query ILIKE 'UPDATE%email_outbox%message_id%'`,
      );
      return waiting.length > 0 ? true : undefined;
    });
    worker.kill('SIGKILL');
    await exited(worker);
    await (lock as QueryRunner).rollbackTransaction();
    await (lock as QueryRunner).release();
    smtp.beforeAccept(undefined);

    const [interrupted] = await outboxRows(api, to);
    expect(interrupted).toMatchObject({ status: 'pending', attempts: 1, sent_at: null });
    expect(interrupted.send_attempt_id).not.toBeNull();

    // The killed worker's job comes back once its lock expires (BullMQ's stalled check).
    worker = await spawnWorker(api, smtp.url);
    const row = await eventually(async () => {
      const [candidate] = await outboxRows(api, to);
      return candidate.status === 'sent' ? candidate : undefined;
    }, 150_000);
    const copies = smtp.messages.filter((email) => email.to.includes(to));
    expect(copies).toHaveLength(2);
    expect(copies[1].headers['message-id']).toBe(first.headers['message-id']);
    expect(row).toMatchObject({
      attempts: 2,
      uncertain_sends: 1,
      send_attempt_id: null,
      message_id: first.headers['message-id'],
    });
  }, 300_000);
});
