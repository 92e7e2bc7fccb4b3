import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { User } from './user.entity';

/** A single-use link proving an email address (EMAIL_CONFIRMATION_TTL_HOURS); only its hash is stored. */
@Entity('email_confirmation_token')
@Unique('email_confirmation_token_token_hash_key', ['tokenHash'])
@Index('email_confirmation_token_user_id_idx', ['userId'])
export class EmailConfirmationToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'email_confirmation_token_pkey' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'user_id',
    foreignKeyConstraintName: 'email_confirmation_token_user_id_fkey',
  })
  user?: User;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
