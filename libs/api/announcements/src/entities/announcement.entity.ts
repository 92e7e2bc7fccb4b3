import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** none: no email asked; pending: the fan-out is to do; sent: one email per recipient written. */
export type AnnouncementEmailState = 'none' | 'pending' | 'sent';

/**
 * What a session's staff write to its trainees (migration `AnnouncementsAndNotifications`).
 * The row is the outbox of its email fan-out (`email_state`, `email_enqueued_at`).
 */
@Entity('announcement')
export class Announcement {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** Limited Markdown, as written; shown through the catalogue's sanitising renderer. */
  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'by_email', type: 'boolean' })
  byEmail!: boolean;

  @Column({ name: 'email_state', type: 'varchar', length: 16 })
  emailState!: AnnouncementEmailState;

  @Column({ name: 'email_enqueued_at', type: 'timestamptz', nullable: true })
  emailEnqueuedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Set by each edit: readers see an "edited" mark. */
  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt!: Date | null;
}
