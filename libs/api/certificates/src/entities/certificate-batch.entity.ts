import { CourseSession } from '@oris/api/catalogue';
import { User } from '@oris/api/identity';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { Certificate } from './certificate.entity';

/**
 * A session's certificates issued at once. Progress is never stored: it is counted from the
 * certificates the batch covers, so it stays true whatever happens to the worker.
 */
@Entity('certificate_batch')
@Index('certificate_batch_session_id_idx', { synchronize: false })
@Check('certificate_batch_total_check', `total >= 0`)
export class CertificateBatch {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'certificate_batch_pkey' })
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => CourseSession, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'certificate_batch_session_id_fkey' })
  session?: Relation<CourseSession>;

  @Column({ name: 'started_by', type: 'uuid' })
  startedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'started_by', foreignKeyConstraintName: 'certificate_batch_started_by_fkey' })
  starter?: Relation<User>;

  /** Completers covered (new certificates and those issued before). */
  @Column({ type: 'integer' })
  total!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Which certificates a batch covers. */
@Entity('certificate_batch_item')
@Index('certificate_batch_item_certificate_id_idx', ['certificateId'])
export class CertificateBatchItem {
  @PrimaryColumn({
    name: 'batch_id',
    type: 'uuid',
    primaryKeyConstraintName: 'certificate_batch_item_pkey',
  })
  batchId!: string;

  @PrimaryColumn({
    name: 'certificate_id',
    type: 'uuid',
    primaryKeyConstraintName: 'certificate_batch_item_pkey',
  })
  certificateId!: string;

  @ManyToOne(() => CertificateBatch, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'batch_id',
    foreignKeyConstraintName: 'certificate_batch_item_batch_id_fkey',
  })
  batch?: Relation<CertificateBatch>;

  @ManyToOne(() => Certificate, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'certificate_id',
    foreignKeyConstraintName: 'certificate_batch_item_certificate_id_fkey',
  })
  certificate?: Relation<Certificate>;
}
