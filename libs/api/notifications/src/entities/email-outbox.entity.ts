import type { Locale } from '@oris/shared/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** pending: to be sent (possibly retrying); sent: delivered once; failed: dead, nothing retries it. */
export type OutboxEmailStatus = 'pending' | 'sent' | 'failed' | 'cancelled';

/**
 * A file attached to an email, by reference: the bytes stay in file storage and are read when the
 * email is sent, so the outbox never holds copies of documents.
 */
export interface EmailAttachmentRef {
  filename: string;
  /** Key in `FILE_STORAGE`. */
  storageKey: string;
  contentType: string;
}

/** One email to send, written in the transaction of the change that causes it. */
@Entity('email_outbox')
export class OutboxEmail {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'to_address', type: 'varchar', length: 320 })
  toAddress!: string;

  @Column({ type: 'varchar', length: 64 })
  template!: string;

  @Column({ type: 'varchar', length: 2 })
  locale!: Locale;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  params!: Record<string, string>;

  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` })
  attachments!: EmailAttachmentRef[];

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status!: OutboxEmailStatus;

  /** Delivery attempts made so far, across every retry round. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  /** Set when a retry round is exhausted: the sweeper starts the next round at this time. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  /** When a dispatcher last handed the row to the queue; stale values are handed again. */
  @Column({ name: 'enqueued_at', type: 'timestamptz', nullable: true })
  enqueuedAt!: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'message_id', type: 'varchar', length: 998, nullable: true })
  messageId!: string | null;

  /**
   * The send marker: committed before the email is handed to the SMTP server, cleared when the
   * outcome is recorded. Still set on a pending row: a send began and its outcome was never
   * recorded (the worker died in between), so the server may have accepted the email.
   */
  @Column({ name: 'send_attempt_id', type: 'uuid', nullable: true })
  sendAttemptId!: string | null;

  @Column({ name: 'send_started_at', type: 'timestamptz', nullable: true })
  sendStartedAt!: Date | null;

  /** Sends whose outcome was never recorded: each may have reached the recipient (see docs/RELIABILITY.md). */
  @Column({ name: 'uncertain_sends', type: 'integer', default: 0 })
  uncertainSends!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
