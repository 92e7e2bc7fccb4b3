import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, FILE_STORAGE, type FileStorage } from '@oris/api/platform';
import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import { afterFailedAttempt, describeError, isPermanentSmtpError } from '../delivery-policy';
import { OutboxEmail, type EmailAttachmentRef } from '../email-outbox.entity';
import { renderEmail, type RenderedEmail } from '../templates/render-email';
import { EMAIL_WORKER_OPTIONS, type EmailWorkerOptions } from './email-worker.options';
import { MAIL_TRANSPORT, type MailTransport, type OutgoingAttachment } from './mail-transport';

export type DeliveryResult = 'sent' | 'skipped';

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
   * Sends one outbox email at most once. The row stays locked while it is sent, so a duplicated
   * job waits and then finds it sent; a row that is not pending any more is left alone. The
   * outcome (sent with its message id, or the failure) is written in the same transaction.
   */
  async deliver(outboxId: string, attempt: { lastOfRound: boolean }): Promise<DeliveryResult> {
    const outcome = await this.dataSource.transaction(async (manager) => {
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
        return { result: 'skipped' as const };
      }
      const attempts = email.attempts + 1;
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
          attempts,
          lastAttemptAt: now,
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
          attempts,
          lastError,
          lastAttemptAt: now,
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
