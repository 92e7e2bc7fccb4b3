import type { NotificationKind } from '@oris/shared/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of a person's notification centre (migration `AnnouncementsAndNotifications`).
 * Written only through `NotificationCentre`.
 */
@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 64 })
  kind!: NotificationKind;

  /** The values of the kind's ICU message (titles, names): strings only. */
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  params!: Record<string, string>;

  /** Where the web app goes when the notification is opened: a path of the app. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  link!: string | null;

  /** The object it is about (an announcement): one notification per person and object. */
  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
