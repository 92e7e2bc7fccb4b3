import type { LatePolicy, Rubric, SubmissionFileKind } from '@oris/shared/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { numericColumn } from './numeric';

export type AssignmentGrading = 'rubric' | 'mark';

/** The assignment of a module (one at most): what to hand in, by when, and how it is graded. */
@Entity('assignment')
export class Assignment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'assignment_pkey' })
  id!: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @Column({ name: 'module_id', type: 'uuid' })
  moduleId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** Markdown, rendered sanitised like a module's content. */
  @Column({ type: 'varchar', length: 20000, default: '' })
  instructions!: string;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'late_policy', type: 'varchar', length: 10 })
  latePolicy!: LatePolicy;

  /** Percentage points off a late submission's grade (`mark_late` only). */
  @Column({ name: 'late_penalty_percent', type: 'smallint', nullable: true })
  latePenaltyPercent!: number | null;

  @Column({ name: 'accepts_text', type: 'boolean' })
  acceptsText!: boolean;

  @Column({ name: 'accepts_files', type: 'boolean' })
  acceptsFiles!: boolean;

  @Column({ name: 'file_kinds', type: 'varchar', length: 10, array: true, default: () => `'{}'` })
  fileKinds!: SubmissionFileKind[];

  @Column({ name: 'max_file_bytes', type: 'integer' })
  maxFileBytes!: number;

  @Column({ name: 'max_files', type: 'smallint' })
  maxFiles!: number;

  @Column({ type: 'varchar', length: 10 })
  grading!: AssignmentGrading;

  @Column({ type: 'jsonb', nullable: true })
  rubric!: Rubric | null;

  @Column({
    name: 'max_mark',
    type: 'numeric',
    precision: 7,
    scale: 2,
    nullable: true,
    transformer: numericColumn,
  })
  maxMark!: number | null;

  @Column({ name: 'pass_mark_percent', type: 'smallint' })
  passMarkPercent!: number;

  /** Whether the course's completion rule requires this assignment passed. */
  @Column({ name: 'required_for_completion', type: 'boolean', default: false })
  requiredForCompletion!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
