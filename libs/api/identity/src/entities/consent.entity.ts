import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { ConsentMethod } from '@oris/shared/domain';
import { User } from './user.entity';

/**
 * One record of a person's consent under law 09-08: what for, to which version of the notice,
 * when, how it was collected and whether it covers post-training follow-up. Append-only (a
 * database trigger refuses changes): the latest record is the person's current choice.
 */
@Entity('consent')
@Index('consent_user_id_idx', ['userId'])
export class Consent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'consent_pkey' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'consent_user_id_fkey' })
  user?: User;

  @Column({ type: 'varchar', length: 200 })
  purpose!: string;

  @Column({ name: 'notice_version', type: 'varchar', length: 20 })
  noticeVersion!: string;

  @CreateDateColumn({ name: 'given_at', type: 'timestamptz' })
  givenAt!: Date;

  /** Orders records written in the same instant. */
  @Column({ type: 'bigint', insert: false, update: false, select: false })
  seq!: string;

  @Column({ type: 'varchar', length: 20 })
  method!: ConsentMethod;

  /** Whether the person agrees to be followed up after training (surveys, calls). */
  @Column({ name: 'followup_tracking', type: 'boolean' })
  followupTracking!: boolean;

  /** The staff member who recorded it on the person's behalf (`staff_recorded`). */
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  /** Address the consent came from, as evidence; null when given by command (demo seed). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;
}
