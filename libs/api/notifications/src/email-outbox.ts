import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AppConfig, JobPayloads, jobIdFor, JOBS, QUEUES } from '@oris/api/platform';
import { LOCALES, type Locale } from '@oris/shared/domain';
import type { Queue } from 'bullmq';
import type { EntityManager, Repository } from 'typeorm';
import { describeError } from './delivery-policy';
import { EMAIL_JOB_OPTIONS } from './email-job';
import { OutboxEmail } from './email-outbox.entity';
import type { EmailTemplate } from './templates';
import { pickTemplateParams, renderEmail } from './templates/render-email';

export interface OutboxEmailInput {
  to: string;
  template: EmailTemplate;
  locale: Locale;
  params: Record<string, string>;
  userId?: string;
}

export interface EnqueueOptions {
  /** A row handed to the queue longer ago than this and still pending is handed again (lost job). */
  staleAfterMs?: number;
  /** Rows claimed per statement. */
  batchSize?: number;
}

export const DEFAULT_STALE_AFTER_MS = 10 * 60_000;

/** One address, nothing that could become another header or another recipient. */
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/;

const WARN_EVERY_MS = 60_000;

/**
 * The transactional outbox of emails. `add` writes the email in the caller's transaction;
 * `dispatchPending` hands committed rows to BullMQ without ever delaying or failing the caller.
 */
@Injectable()
export class EmailOutbox implements OnModuleDestroy {
  private readonly logger = new Logger(EmailOutbox.name);
  private queueReady = false;
  private dispatching?: Promise<void>;
  private dispatchAgain = false;
  private closing = false;
  private lastWarningAt = 0;

  constructor(
    @InjectRepository(OutboxEmail) private readonly emails: Repository<OutboxEmail>,
    @InjectQueue(QUEUES.email) private readonly queue: Queue<JobPayloads[typeof JOBS.sendEmail]>,
    private readonly config: AppConfig,
  ) {
    // Until Redis has answered once, BullMQ would wait for it instead of failing: skip the queue,
    // then hand over what was committed meanwhile as soon as it answers.
    this.queue.waitUntilReady().then(
      () => {
        this.queueReady = true;
        this.dispatchPending();
      },
      () => undefined,
    );
  }

  /**
   * Writes an email to send once the caller's transaction commits. Renders it once first, so an
   * unknown template, a missing parameter or a bad address fails the caller's change, not the worker.
   */
  async add(manager: EntityManager, email: OutboxEmailInput): Promise<void> {
    const to = email.to.trim();
    if (to.length > 320 || !ADDRESS.test(to))
      throw new Error(`Invalid email address: ${JSON.stringify(email.to)}`);
    if (!LOCALES.includes(email.locale))
      throw new Error(`Unknown email locale: ${JSON.stringify(email.locale)}`);
    renderEmail(email.template, email.locale, email.params, { webUrl: this.config.PUBLIC_WEB_URL });
    await manager.insert(OutboxEmail, {
      toAddress: to,
      template: email.template,
      locale: email.locale,
      params: pickTemplateParams(email.template, email.params),
      userId: email.userId ?? null,
    });
  }

  /**
   * Hands pending rows to the queue in the background; call it after the commit. It never throws
   * and never waits for Redis: when the queue is down the rows stay pending for the worker's sweeper.
   * Calls made while a dispatch runs are merged into one more run.
   */
  dispatchPending(): void {
    if (this.closing) return;
    if (this.dispatching) {
      this.dispatchAgain = true;
      return;
    }
    this.dispatching = this.enqueueDue()
      .then(() => undefined)
      .catch((error: unknown) =>
        this.warn(`Emails left pending for the sweeper: ${describeError(error)}`),
      )
      .finally(() => {
        this.dispatching = undefined;
        if (this.dispatchAgain) {
          this.dispatchAgain = false;
          this.dispatchPending();
        }
      });
  }

  /**
   * Claims due pending rows (skipping rows another process holds) and enqueues one job each, with
   * a deterministic job id so that enqueueing a row twice is a no-op. Returns how many it enqueued.
   */
  async enqueueDue(options: EnqueueOptions = {}): Promise<number> {
    if (!this.queueReady) throw new Error('Redis has not been reachable yet');
    const batchSize = options.batchSize ?? 100;
    const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
    let total = 0;
    for (;;) {
      const ids = await this.claim(batchSize, staleAfterMs);
      if (ids.length === 0) return total;
      try {
        await this.queue.addBulk(
          ids.map((outboxId) => ({
            name: JOBS.sendEmail,
            data: { outboxId },
            opts: { ...EMAIL_JOB_OPTIONS, jobId: jobIdFor.sendEmail(outboxId) },
          })),
        );
      } catch (error) {
        await this.release(ids);
        throw error;
      }
      total += ids.length;
      if (ids.length < batchSize) return total;
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await this.dispatching;
  }

  private async claim(batchSize: number, staleAfterMs: number): Promise<string[]> {
    const rows: { id: string }[] = await this.emails.query(
      `WITH claimed AS (
         UPDATE email_outbox SET enqueued_at = now(), next_attempt_at = NULL
         WHERE id IN (
           SELECT id FROM email_outbox
           WHERE status = 'pending'
             AND (next_attempt_at IS NULL OR next_attempt_at <= now())
             AND (enqueued_at IS NULL OR enqueued_at < now() - make_interval(secs => $1))
           ORDER BY created_at
           LIMIT $2
           FOR UPDATE SKIP LOCKED)
         RETURNING id, created_at)
       SELECT id FROM claimed ORDER BY created_at`,
      [staleAfterMs / 1000, batchSize],
    );
    return rows.map((row) => row.id);
  }

  /** Gives rows back to the next dispatch at once rather than after the stale delay. */
  private async release(ids: string[]): Promise<void> {
    await this.emails
      .query(
        `UPDATE email_outbox SET enqueued_at = NULL WHERE id = ANY($1) AND status = 'pending'`,
        [ids],
      )
      .catch((error: unknown) =>
        this.warn(`Could not release outbox rows: ${describeError(error)}`),
      );
  }

  /** Redis being down is expected for a while: say so once a minute, not once per request. */
  private warn(message: string): void {
    const now = Date.now();
    if (now - this.lastWarningAt < WARN_EVERY_MS) return;
    this.lastWarningAt = now;
    this.logger.warn(message);
  }
}
