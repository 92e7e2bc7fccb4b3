import { getQueueToken } from '@nestjs/bullmq';
import { EmailOutbox } from '@oris/api/notifications';
import {
  startEmailWorker,
  startSmtpServer,
  type EmailWorkerHandle,
  type TestSmtpServer,
} from '@oris/api/notifications/testing';
import { jobIdFor, JOBS, QUEUES } from '@oris/api/platform';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  eventually,
  outboxRows,
  pause,
  uniqueAddress,
  uniqueQueuePrefix,
  workerConfig,
  type OutboxRow,
} from './outbox-support';

describe('email outbox delivery', () => {
  let api: TestApp;
  let smtp: TestSmtpServer;
  let worker: EmailWorkerHandle;
  let outbox: EmailOutbox;
  let queue: Queue;

  const send = async (to: string, locale: 'fr' | 'ar' | 'en' = 'en', dispatch = true) => {
    await api.app.get(DataSource).transaction((manager) =>
      outbox.add(manager, {
        to,
        template: 'password_reset',
        locale,
        params: { fullName: 'Youssef', resetUrl: 'https://oris.example/reset?token=t' },
      }),
    );
    if (dispatch) outbox.dispatchPending();
    return to;
  };
  const rowOf = async (to: string) => (await outboxRows(api, to))[0];
  const rowWhen = (to: string, done: (row: OutboxRow) => boolean) =>
    eventually(async () => {
      const row = await rowOf(to);
      return row && done(row) ? row : undefined;
    });
  const received = (to: string) => smtp.messages.filter((email) => email.to.includes(to));
  const finished = (job: Job) =>
    eventually(async () => ((await job.getState()) === 'completed' ? true : undefined));

  beforeAll(async () => {
    [api, smtp] = await Promise.all([
      startTestApp({ QUEUE_PREFIX: uniqueQueuePrefix() }),
      startSmtpServer(),
    ]);
    outbox = api.app.get(EmailOutbox);
    queue = api.app.get<Queue>(getQueueToken(QUEUES.email), { strict: false });
  });

  afterAll(async () => {
    await worker?.close();
    await api.close();
    await smtp.close();
  });

  const early = uniqueAddress('early');

  it('hands a committed email to the queue right after the commit', async () => {
    await send(early);
    const { id } = await rowWhen(early, (row) => row.enqueued_at !== null);
    const job = await eventually(
      async () => (await queue.getJob(jobIdFor.sendEmail(id))) ?? undefined,
    );
    expect(job.data).toEqual({ outboxId: id });
  });

  describe('with the worker running', () => {
    beforeAll(async () => {
      worker = await startEmailWorker(workerConfig(api, smtp.url), {
        maxAttempts: 10,
        roundDelayMs: 1_000,
      });
    });

    it('sends the queued email once, in the recipient’s language, and records the delivery', async () => {
      const email = await smtp.waitFor((candidate) => candidate.to.includes(early));
      expect(email.subject).toBe('Reset your ORIS Academy password');
      expect(email.text).toContain('https://oris.example/reset?token=t');
      const row = await rowWhen(early, (candidate) => candidate.status === 'sent');
      expect(row).toMatchObject({
        attempts: 1,
        last_error: null,
        message_id: email.headers['message-id'],
        params: {},
      });

      const arabic = await send(uniqueAddress('arabic'), 'ar');
      const rtl = await smtp.waitFor((candidate) => candidate.to.includes(arabic));
      expect(rtl.subject).toBe('إعادة تعيين كلمة المرور لحسابك في أكاديمية ORIS');
      expect(rtl.html).toContain('<html lang="ar" dir="rtl">');
    });

    it('sends nothing more for a duplicated or retried job of an email already sent', async () => {
      const { id } = await rowWhen(early, (row) => row.status === 'sent');
      await queue.add(JOBS.sendEmail, { outboxId: id }, { jobId: jobIdFor.sendEmail(id) });
      const duplicate = await queue.add(
        JOBS.sendEmail,
        { outboxId: id },
        { jobId: `duplicate-${id}` },
      );
      await finished(duplicate);
      outbox.dispatchPending();
      await pause(500);
      expect(received(early)).toHaveLength(1);
      expect(await rowOf(early)).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('sends once when two jobs for the same pending email run at the same time', async () => {
      const to = await send(uniqueAddress('race'), 'fr', false);
      const { id } = await rowOf(to);
      smtp.delayAcceptance(300);
      const jobs = await Promise.all(
        [1, 2].map((n) =>
          queue.add(JOBS.sendEmail, { outboxId: id }, { jobId: `race-${n}-${id}` }),
        ),
      );
      await Promise.all(jobs.map(finished));
      smtp.delayAcceptance(0);
      expect(received(to)).toHaveLength(1);
      expect(await rowOf(to)).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('retries with backoff while the SMTP server refuses, then delivers once and records the attempts', async () => {
      smtp.refuse(2, 451);
      const to = await send(uniqueAddress('refused'));
      await smtp.waitFor((email) => email.to.includes(to));
      const row = await rowWhen(to, (candidate) => candidate.status === 'sent');
      expect(smtp.refusals).toBe(2);
      expect(row.attempts).toBe(3);
      expect(row.sent_at).toBeInstanceOf(Date);
      expect(row.last_error).toMatch(/451/);
      await pause(300);
      expect(received(to)).toHaveLength(1);
    });

    it('marks the email failed, with the error, when a whole round is refused for good', async () => {
      smtp.refuse(1_000, 550);
      const to = await send(uniqueAddress('rejected'));
      const row = await rowWhen(to, (candidate) => candidate.status === 'failed');
      smtp.refuse(0);
      expect(row).toMatchObject({ attempts: 8, next_attempt_at: null, sent_at: null });
      expect(row.last_error).toMatch(/550/);
      // No usable link is kept in a dead email.
      expect(row.params).toEqual({});
      expect(received(to)).toHaveLength(0);
    });

    it('starts another round after temporary failures, and gives up at the attempt cap', async () => {
      smtp.refuse(1_000, 451);
      const to = await send(uniqueAddress('deferred'));
      const waiting = await rowWhen(to, (candidate) => candidate.next_attempt_at !== null);
      expect(waiting).toMatchObject({ status: 'pending', attempts: 8 });
      const dead = await rowWhen(to, (candidate) => candidate.status === 'failed');
      smtp.refuse(0);
      expect(dead.attempts).toBe(10);
      expect(dead.params).toEqual({});
      expect(received(to)).toHaveLength(0);
    });

    it('keeps no usable link in an email given up after sends that never recorded their outcome', async () => {
      const to = await send(uniqueAddress('crash-loop'), 'fr', false);
      const { id } = await rowOf(to);
      // As after 10 attempts each killed mid-send: the last one's marker is still set.
      await api.app
        .get(DataSource)
        .query(
          `UPDATE email_outbox SET attempts = 10, send_attempt_id = gen_random_uuid() WHERE id = $1`,
          [id],
        );
      await queue.add(JOBS.sendEmail, { outboxId: id }, { jobId: jobIdFor.sendEmail(id) });
      const dead = await rowWhen(to, (candidate) => candidate.status === 'failed');
      expect(dead.last_error).toMatch(/never recorded its outcome/);
      expect(dead.params).toEqual({});
      expect(JSON.stringify(dead)).not.toContain('token=');
      expect(received(to)).toHaveLength(0);
    });

    it('lets a running job finish when the worker shuts down', async () => {
      smtp.delayAcceptance(800);
      const to = await send(uniqueAddress('shutdown'));
      await rowWhen(to, (candidate) => candidate.enqueued_at !== null);
      await pause(300);
      await worker.close();
      expect(received(to)).toHaveLength(1);
      expect(await rowOf(to)).toMatchObject({ status: 'sent', attempts: 1 });
    });
  });
});
