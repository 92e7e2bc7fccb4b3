import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from './user.entity';

/** A consent given under law 09-08: what for, to which version of the notice, and when. */
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

  /** Address the consent came from, as evidence; null when given by command (demo seed). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;
}
