import { User } from '@oris/api/identity';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  Relation,
} from 'typeorm';

/**
 * A person's calendar subscription: a calendar app fetches the timetable of their seats without
 * a session cookie, with a long random token in the link. Only the token's SHA-256 is kept; a
 * new link replaces the row (the old link stops working), revoking deletes it.
 */
@Entity('calendar_feed')
@Index('calendar_feed_token_hash_key', ['tokenHash'], { unique: true })
export class CalendarFeed {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'calendar_feed_pkey' })
  userId!: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'calendar_feed_user_id_fkey' })
  user?: Relation<User>;

  /** SHA-256 of the token, hex (`hashSecretToken`). */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
