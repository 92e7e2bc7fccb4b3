import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, FILE_STORAGE, type FileStorage } from '@oris/api/platform';
import { UnrecoverableError } from 'bullmq';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { afterFailedAttempt, describeError, isPermanentSmtpError } from '../outbox/delivery-policy';
import { OutboxEmail, type EmailAttachmentRef } from '../entities/email-outbox.entity';
import { renderEmail, type RenderedEmail } from '../templates/render-email';
import { EMAIL_WORKER_OPTIONS, type EmailWorkerOptions } from './email-worker.options';
import { MAIL_TRANSPORT, type MailTransport, type OutgoingAttachment } from './mail-transport';

export type DeliveryResult = 'sent' | 'skipped';

/** First key of the advisory locks of email sends (the second is the email's), "ORIS" in ASCII. */
const SEND_LOCK_NAMESPACE = 0x4f524953;

/** Hands a connection back so that the pool closes it instead of reusing it. */
function releaseBroken(connection: QueryRunner, error: unknown): Promise<void> {
  const postgres = connection as QueryRunner & {
    releasePostgresConnection?: (error: unknown) => Promise<void>;
  };
  return postgres.releasePostgresConnection
    ? postgres.releasePostgresConnection(error)
    : connection.release();
}

/** Thrown to BullMQ after a failed attempt has been recorded; BullMQ retries with backoff. */
export class EmailDeliveryError extends Error {
  override name = 'EmailDeliveryError';
}

@Injectable()
export class EmailDelivery {
  private readonly logger = new Logger(EmailDelivery.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(EMAIL_WORKER_OPTIONS) private readonly options: EmailWorkerOptions,
    private readonly config: AppConfig,
    @Optional() @Inject(FILE_STORAGE) private readonly storage?: FileStorage,
  ) {}

  /**
   * Sends one outbox email at most once per attempt, under a session-level advisory lock on the
   * email (held by one database connection for the whole attempt, released by PostgreSQL if the
   * worker dies), so that two attempts at one email never overlap: a duplicated job waits, then
   * finds it sent. Under that lock, two transactions:
   *
   * 1. the claim: the row, locked, must still be pending and due; the attempt is counted and the
   *    send marker (`send_attempt_id`) committed. A marker already there means an earlier send
   *    began and its outcome was never recorded: that worker died after handing the email over,
   *    perhaps after the server accepted it. The attempt counts it (`uncertain_sends`) and sends
   *    again with the same Message-ID, which lets mail clients fold the two copies;
   * 2. the send: the row is locked while the SMTP exchange lasts; the outcome (sent with its
   *    message id, or the failure) is written in the same transaction, the marker cleared with it.
   *
   * A worker killed during 2 leaves the marker committed by 1, and its advisory lock goes with its
   * connection: the next attempt knows the marker's attempt is dead. A crash loop ends at
   * `maxAttempts` because 1 counts the attempt before anything is sent.
   */
  async deliver(outboxId: string, attempt: { lastOfRound: boolean }): Promise<DeliveryResult> {
    const connection = this.dataSource.createQueryRunner();
    await connection.connect();
    try {
      await connection.query(`SELECT pg_advisory_lock($1, hashtext($2))`, [
        SEND_LOCK_NAMESPACE,
        outboxId,
      ]);
    } catch (error) {
      await releaseBroken(connection, error);
      throw error;
    }
    try {
      return await this.deliverLocked(connection.manager, outboxId, attempt);
    } finally {
      await connection
        .query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [SEND_LOCK_NAMESPACE, outboxId])
        .then(
          () => connection.release(),
          // A connection that may still hold the lock must never go back to the pool.
          (error: unknown) => releaseBroken(connection, error),
        );
    }
  }

  private async deliverLocked(
    session: EntityManager,
    outboxId: string,
    attempt: { lastOfRound: boolean },
  ): Promise<DeliveryResult> {
    const attemptId = randomUUID();
    const claimed = await session.transaction(async (manager) => {
      const email = await manager.findOne(OutboxEmail, {
        where: { id: outboxId },
        lock: { mode: 'pessimistic_write' },
      });
      const now = new Date();
      // Sent, dead, or resting between two retry rounds: a stray job must not send it now.
      if (
        !email ||
        email.status !== 'pending' ||
        (email.nextAttemptAt && email.nextAttemptAt > now)
      ) {
        return undefined;
      }
      const uncertain = email.sendAttemptId !== null;
      const uncertainSends = email.uncertainSends + (uncertain ? 1 : 0);
      if (uncertain && email.attempts >= this.options.maxAttempts) {
        // Every attempt died mid-send (an email that crashes the worker?): stop the loop here.
        await manager.update(OutboxEmail, email.id, {
          status: 'failed',
          sendAttemptId: null,
          uncertainSends,
          lastError: `Gave up after ${email.attempts} attempts; the last one never recorded its outcome`,
          // Dead for good, as below: its names and single-use links go.
          params: {},
        });
        return { email, uncertain, dead: true };
      }
      await manager.update(OutboxEmail, email.id, {
        attempts: email.attempts + 1,
        lastAttemptAt: now,
        sendAttemptId: attemptId,
        sendStartedAt: now,
        uncertainSends,
      });
      return { email, uncertain, dead: false };
    });
    if (!claimed) return 'skipped';
    if (claimed.uncertain) {
      this.logger.warn(
        `Email ${outboxId}: an earlier send never recorded its outcome (the server may have ` +
          `accepted it)${claimed.dead ? '; giving up' : '; sending again with the same Message-ID'}`,
      );
    }
    if (claimed.dead) throw new UnrecoverableError(`Email ${outboxId} failed for good`);

    const outcome = await session.transaction(async (manager) => {
      const email = await manager.findOne(OutboxEmail, {
        where: { id: outboxId },
        lock: { mode: 'pessimistic_write' },
      });
      // Changed since our claim by something other than an attempt (an admin marking it dead?).
      if (!email || email.status !== 'pending' || email.sendAttemptId !== attemptId) {
        return { result: 'skipped' as const };
      }
      const now = new Date();
      const attempts = email.attempts;
      let rendered: RenderedEmail | undefined;
      try {
        rendered = renderEmail(email.template, email.locale, email.params, {
          webUrl: this.config.PUBLIC_WEB_URL,
        });
        // Read now, not when the email was written: the outbox holds references, never copies.
        const attachments = await this.readAttachments(email.attachments ?? []);
        const { messageId } = await this.transport.send({
          id: email.id,
          to: email.toAddress,
          locale: email.locale,
          ...rendered,
          attachments,
        });
        await manager.update(OutboxEmail, email.id, {
          status: 'sent',
          sentAt: now,
          messageId,
          sendAttemptId: null,
          nextAttemptAt: null,
          // Names and single-use links are not kept once delivered (law 09-08: data minimisation).
          params: {},
        });
        return { result: 'sent' as const };
      } catch (error) {
        const decision = afterFailedAttempt(
          {
            attempts,
            lastOfRound: attempt.lastOfRound,
            permanent: isPermanentSmtpError(error),
            unrenderable: rendered === undefined,
            now,
          },
          this.options,
        );
        const lastError = describeError(error);
        await manager.update(OutboxEmail, email.id, {
          status: decision.status,
          sendAttemptId: null,
          lastError,
          nextAttemptAt: decision.nextAttemptAt,
          // A new round is started by the sweeper, which only takes rows not already in the queue.
          ...(decision.nextAttemptAt ? { enqueuedAt: null } : {}),
          // Dead for good: nothing will render it again, so its names and links go, as once sent.
          ...(decision.status === 'failed' ? { params: {} } : {}),
        });
        return { result: 'failed' as const, decision, lastError };
      }
    });
    if (outcome.result !== 'failed') return outcome.result;
    const { decision, lastError } = outcome;
    if (decision.status === 'failed') {
      this.logger.error(`Email ${outboxId} failed for good: ${lastError}`);
      throw new UnrecoverableError(lastError);
    }
    if (decision.nextAttemptAt) {
      this.logger.warn(
        `Email ${outboxId} not sent (${lastError}); next round at ${decision.nextAttemptAt.toISOString()}`,
      );
      throw new UnrecoverableError(lastError);
    }
    this.logger.warn(`Email ${outboxId} not sent, will retry: ${lastError}`);
    throw new EmailDeliveryError(lastError);
  }

  private async readAttachments(refs: EmailAttachmentRef[]): Promise<OutgoingAttachment[]> {
    if (refs.length === 0) return [];
    const storage = this.storage;
    if (!storage) throw new Error('Email has attachments but this process has no file storage');
    return Promise.all(
      refs.map(async (ref) => ({
        filename: ref.filename,
        contentType: ref.contentType,
        content: await storage.get(ref.storageKey),
      })),
    );
  }
}
