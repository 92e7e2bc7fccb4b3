import type { SubmissionFileKind } from '@oris/shared/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AssignmentFileRole = 'submission' | 'feedback';

/** A file of a submission (the trainee's) or of its feedback (the trainer's), in the storage. */
@Entity('assignment_file')
export class AssignmentFile {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'assignment_file_pkey' })
  id!: string;

  @Column({ name: 'submission_id', type: 'uuid' })
  submissionId!: string;

  @Column({ type: 'varchar', length: 10 })
  role!: AssignmentFileRole;

  @Column({ type: 'varchar', length: 160 })
  name!: string;

  /** What the content is, as recognised from its bytes. */
  @Column({ type: 'varchar', length: 10 })
  kind!: SubmissionFileKind;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 300 })
  storageKey!: string;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
