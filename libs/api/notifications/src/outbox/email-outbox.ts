import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AppConfig,
  JobPayloads,
  jobIdFor,
  JOBS,
  OutboxRelay,
  PeriodicSweep,
  QUEUES,
  type RelayRunOptions,
} from '@oris/api/platform';
import { LOCALES, type Locale } from '@oris/shared/domain';
import type { Queue } from 'bullmq';
import type { EntityManager, Repository } from 'typeorm';
import { describeError } from './delivery-policy';
import { EMAIL_JOB_OPTIONS } from './email-job';
import { OutboxEmail, type EmailAttachmentRef } from '../entities/email-outbox.entity';
import type { EmailTemplate } from '../templates';
import { pickTemplateParams, renderEmail } from '../templates/render-email';

export interface OutboxEmailInput {
  to: string;
  template: EmailTemplate;
  locale: Locale;
  params: Record<string, string>;
  userId?: string;
  /** Files in `FILE_STORAGE`, read when the email is sent. */
  attachments?: EmailAttachmentRef[];
}

export type EnqueueOptions = RelayRunOptions;

/** An outbox row checked and ready to insert (`EmailOutbox.prepare`). */
export type PreparedOutboxEmail = Pick<
  OutboxEmail,
  'id' | 'toAddress' | 'template' | 'locale' | 'params' | 'userId'
> & { attachments?: EmailAttachmentRef[] };

export const DEFAULT_STALE_AFTER_MS = 10 * 60_000;

/** One address, nothing that could become another header or another recipient. */
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;

/** A file name that cannot break the MIME headers, and a storage key that cannot climb out. */
function checkedAttachment(attachment: EmailAttachmentRef): EmailAttachmentRef {
  const { filename, storageKey, contentType } = attachment;
  if (!/^[\w.() -]{1,120}$/.test(filename) || filename.startsWith('.'))
    throw new Error(`Invalid attachment file name: ${JSON.stringify(filename)}`);
  if (!/^[\w./-]{1,200}$/.test(storageKey) || storageKey.split('/').includes('..'))
    throw new Error(`Invalid attachment storage key: ${JSON.stringify(storageKey)}`);
  if (!/^[\w.+-]+\/[\w.+-]+$/.test(contentType))
    throw new Error(`Invalid attachment content type: ${JSON.stringify(contentType)}`);
  return { filename, storageKey, contentType };
}

/**
 * The transactional outbox of emails. `add` writes the email in the caller's transaction;
 * `dispatchPending` hands committed rows to BullMQ without ever delaying or failing the caller
 * (the platform's `OutboxRelay`, with the email rows' claim and jobs).
 */
@Injectable()
export class EmailOutbox implements OnModuleDestroy {
  private readonly relay: OutboxRelay<JobPayloads[typeof JOBS.sendEmail]>;

  constructor(
    @InjectRepository(OutboxEmail) private readonly emails: Repository<OutboxEmail>,
    @InjectQueue(QUEUES.email) queue: Queue<JobPayloads[typeof JOBS.sendEmail]>,
    private readonly config: AppConfig,
  ) {
    this.relay = new OutboxRelay({
      what: 'Emails',
      queue,
      transaction: (work) => this.emails.manager.transaction(work),
      claim: claimDueEmails,
      markEnqueued: async (manager, ids) => {
        await manager.query(
          `UPDATE email_outbox SET enqueued_at = now(), next_attempt_at = NULL WHERE id = ANY($1)`,
          [ids],
        );
      },
      job: (outboxId) => ({
        name: JOBS.sendEmail,
        data: { outboxId },
        opts: { ...EMAIL_JOB_OPTIONS, jobId: jobIdFor.sendEmail(outboxId) },
      }),
      batchSize: 100,
      staleAfterMs: DEFAULT_STALE_AFTER_MS,
      logger: new Logger(EmailOutbox.name),
      describeError,
    });
  }

  /**
   * Writes an email to send once the caller's transaction commits. Renders it once first, so an
   * unknown template, a missing parameter or a bad address fails the caller's change, not the worker.
   */
  async add(manager: EntityManager, email: OutboxEmailInput): Promise<void> {
    await this.addReturningId(manager, email);
  }

  /** `add`, answering the new row's id (for records that point at the email they caused). */
  async addReturningId(manager: EntityManager, email: OutboxEmailInput): Promise<string> {
    const row = this.checked(email);
    await manager.insert(OutboxEmail, row);
    return row.id;
  }

  /**
   * Checks an email as `add` does (unknown template or locale, missing parameter, bad address:
   * it throws) and makes its row, writing nothing: a batch refuses one email's cause alone, then
   * writes the others with `addPrepared`.
   */
  prepare(email: OutboxEmailInput): PreparedOutboxEmail {
    return this.checked(email);
  }

  /** Writes prepared emails in the caller's transaction with one statement. */
  async addPrepared(manager: EntityManager, emails: PreparedOutboxEmail[]): Promise<void> {
    if (emails.length > 0) await manager.insert(OutboxEmail, emails);
  }

  private checked(email: OutboxEmailInput): PreparedOutboxEmail {
    const to = email.to.trim();
    if (to.length > 320 || !ADDRESS.test(to))
      throw new Error(`Invalid email address: ${JSON.stringify(email.to)}`);
    if (!LOCALES.includes(email.locale))
      throw new Error(`Unknown email locale: ${JSON.stringify(email.locale)}`);
    renderEmail(email.template, email.locale, email.params, { webUrl: this.config.PUBLIC_WEB_URL });
    const attachments = (email.attachments ?? []).map(checkedAttachment);
    return {
      id: randomUUID(),
      toAddress: to,
      template: email.template,
      locale: email.locale,
      params: pickTemplateParams(email.template, email.params),
      userId: email.userId ?? null,
      ...(attachments.length > 0 ? { attachments } : {}),
    };
  }

  /**
   * Hands pending rows to the queue in the background; call it after the commit. It never throws
   * and never waits for Redis: when the queue is down the rows stay pending for the worker's sweeper.
   */
  dispatchPending(): void {
    this.relay.dispatchPending();
  }

  /**
   * Claims due pending rows (skipping rows another process holds) and enqueues one job each, with
   * a deterministic job id so that enqueueing a row twice is a no-op. Returns how many it enqueued.
   */
  enqueueDue(options: EnqueueOptions = {}): Promise<number> {
    return this.relay.enqueueDue(options);
  }

  /** The worker's sweep of pending emails that are not in the queue (`OutboxSweeper`). */
  periodicSweep(options: { intervalMs: number; staleAfterMs: number }): PeriodicSweep {
    return this.relay.periodicSweep({
      ...options,
      what: 'pending email(s)',
      logger: new Logger('OutboxSweeper'),
    });
  }

  /**
   * Clears the content of emails sent or failed more than `olderThanDays` ago: the template
   * parameters (names, links with tokens) and the attachment references. The row stays, so the
   * trace that an email went out once (recipient, template, status, dates) survives; nothing
   * sends a sent or failed row again, so nothing needs the content. Returns how many it cleared.
   */
  async clearDeliveredContent(olderThanDays: number): Promise<number> {
    const [, affected]: [unknown, number] = await this.emails.query(
      `UPDATE email_outbox SET params = '{}'::jsonb, attachments = '[]'::jsonb
        WHERE status IN ('sent', 'failed')
          AND COALESCE(sent_at, last_attempt_at, created_at) < now() - make_interval(days => $1)
          AND (params <> '{}'::jsonb OR attachments <> '[]'::jsonb)`,
      [olderThanDays],
    );
    return affected;
  }

  /**
   * Law 09-08 erasure, in the erasing transaction: emails still pending to the person are
   * cancelled (the sender skips any row that is no longer pending), and every email to them,
   * sent or not, loses its content and its real recipient, which becomes `placeholderAddress`.
   * Rows are found by the person's id or by their address (an email sent before it was tagged).
   * The rows stay, as the trace that an email went out; returns how many were cancelled.
   */
  async eraseRecipient(
    manager: EntityManager,
    recipient: { userId: string; address: string; placeholderAddress: string },
  ): Promise<number> {
    const [cancelled]: [{ id: string }[], number] = await manager.query(
      `UPDATE email_outbox SET status = 'cancelled', next_attempt_at = NULL
        WHERE status = 'pending' AND (user_id = $1 OR to_address = $2)
        RETURNING id`,
      [recipient.userId, recipient.address],
    );
    await manager.query(
      `UPDATE email_outbox
          SET to_address = $3, params = '{}'::jsonb, attachments = '[]'::jsonb, last_error = NULL
        WHERE user_id = $1 OR to_address = $2`,
      [recipient.userId, recipient.address, recipient.placeholderAddress],
    );
    return cancelled.length;
  }

  onModuleDestroy(): Promise<void> {
    return this.relay.close();
  }
}

/** Locks due pending emails until the caller's transaction ends; other dispatchers skip them. */
async function claimDueEmails(
  manager: EntityManager,
  batchSize: number,
  staleAfterMs: number,
): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM email_outbox
      WHERE status = 'pending'
        AND (next_attempt_at IS NULL OR next_attempt_at <= now())
        AND (enqueued_at IS NULL OR enqueued_at < now() - make_interval(secs => $1))
      ORDER BY created_at
      LIMIT $2
      FOR UPDATE SKIP LOCKED`,
    [staleAfterMs / 1000, batchSize],
  );
  return rows.map((row) => row.id);
}
