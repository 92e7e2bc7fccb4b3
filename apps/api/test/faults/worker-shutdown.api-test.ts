// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { EmailOutbox } from '@oris/api/notifications';
import { startSmtpServer, type TestSmtpServer } from '@oris/api/notifications/testing';
import { jobIdFor, QUEUES, redisOptions } from '@oris/api/platform';
import { Queue } from 'bullmq';
import {
  database,
  startCertificateTestApp,
  workerEnv,
  type CertificateTestApp,
} from '../certificates/certificate-support';
import { eventually, outboxRows, uniqueAddress } from '../notifications/outbox-support';
import { spawnWorkerProcess, type WorkerProcess } from './worker-process';

// Each test boots the real worker from the sources (tens of seconds on a busy machine).
const SPAWNED_TEST_TIMEOUT_MS = 240_000;

/**
 * R6 for the worker: a deploy's SIGTERM arrives while an email is being sent. The SMTP server
 * holds the message (the DATA phase is not answered) until the test lets it go, so the job is
 * certainly running when the signal arrives, for as long as the test decides.
 */
describe('SIGTERM to the worker (R6)', () => {
  let api: CertificateTestApp;
  let smtp: TestSmtpServer;
  let worker: WorkerProcess | undefined;
  let queue: Queue;

  beforeAll(async () => {
    [api, smtp] = await Promise.all([startCertificateTestApp(), startSmtpServer()]);
    queue = new Queue(QUEUES.email, {
      connection: redisOptions(api.config),
      prefix: api.config.QUEUE_PREFIX,
    });
  }, SPAWNED_TEST_TIMEOUT_MS);

  afterEach(async () => {
    smtp?.beforeAccept(undefined);
    await worker?.close();
  });

  afterAll(async () => {
    await queue?.close();
    await api?.close();
    await smtp?.close();
  });

  /** An email in the outbox, handed to the queue by the API; resolves to its row's id. */
  async function queueEmail(to: string): Promise<string> {
    await database(api).transaction((manager) =>
      api.app.get(EmailOutbox).add(manager, {
        to,
        template: 'password_reset',
        locale: 'fr',
        params: { fullName: 'Salma', resetUrl: 'https://oris.example/reset?token=t' },
      }),
    );
    api.app.get(EmailOutbox).dispatchPending();
    return eventually(async () => {
      const [row] = await outboxRows(api, to);
      return row?.enqueued_at ? row.id : undefined;
    });
  }

  /** Holds every message to `to` until `release()`; `arrived` resolves when the first one does. */
  function holdMessagesTo(to: string) {
    let release = () => undefined as void;
    const released = new Promise<void>((done) => (release = () => done()));
    const arrived = new Promise<void>((done) =>
      smtp.beforeAccept(async (email) => {
        if (!email.to.includes(to)) return;
        done();
        await released;
      }),
    );
    return { arrived, release };
  }

  it(
    'lets the running job finish once, takes no new job, closes its connections and exits 0',
    async () => {
      const to = uniqueAddress('sigterm');
      const later = uniqueAddress('after-sigterm');
      const hold = holdMessagesTo(to);
      worker = await spawnWorkerProcess({
        ...workerEnv(api, smtp.url),
        SHUTDOWN_TIMEOUT_MS: '120000',
      });
      await queueEmail(to);
      await hold.arrived;

      worker.child.kill('SIGTERM');
      await worker.logged('shutting down: no new jobs, running jobs finish');
      // A job queued after the signal is left in the queue, for the next worker.
      const laterId = await queueEmail(later);
      expect(await (await queue.getJob(jobIdFor.sendEmail(laterId)))?.getState()).toBe('waiting');
      // Still draining: the held send has not been answered yet.
      expect(worker.messages()).not.toContain('running jobs finished; closing connections');

      hold.release();
      expect(await worker.exited).toEqual({ code: 0, signal: null });
      const messages = worker.messages();
      expect(messages).toContain('running jobs finished; closing connections');
      expect(messages).toContain('shut down cleanly');

      // Sent exactly once, and recorded as sent before the database connection closed.
      expect(smtp.messages.filter((email) => email.to.includes(to))).toHaveLength(1);
      const [sent] = await outboxRows(api, to);
      expect(sent).toMatchObject({ status: 'sent', attempts: 1, uncertain_sends: 0 });
      // The later one waits untouched.
      expect(smtp.messages.filter((email) => email.to.includes(later))).toHaveLength(0);
      const [waiting] = await outboxRows(api, later);
      expect(waiting).toMatchObject({ status: 'pending', attempts: 0 });
      expect(await (await queue.getJob(jobIdFor.sendEmail(laterId)))?.getState()).toBe('waiting');
    },
    SPAWNED_TEST_TIMEOUT_MS,
  );

  it(
    'exits 1 at SHUTDOWN_TIMEOUT_MS when a job does not finish, leaving it to be run again',
    async () => {
      const to = uniqueAddress('stuck');
      const hold = holdMessagesTo(to);
      worker = await spawnWorkerProcess({
        ...workerEnv(api, smtp.url),
        SHUTDOWN_TIMEOUT_MS: '1500',
      });
      await queueEmail(to);
      await hold.arrived;

      worker.child.kill('SIGTERM');
      expect(await worker.exited).toEqual({ code: 1, signal: null });
      expect(worker.messages()).toContain('shutdown deadline passed; exiting with jobs running');
      expect(worker.messages()).not.toContain('shut down cleanly');
      hold.release();
      // Not lost: the row is still to be sent (the job's lock expires and it runs again).
      const [row] = await outboxRows(api, to);
      expect(row.status).toBe('pending');
    },
    SPAWNED_TEST_TIMEOUT_MS,
  );
});
