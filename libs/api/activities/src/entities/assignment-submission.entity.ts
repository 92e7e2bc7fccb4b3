import type { RubricSelection, SubmissionStatus } from '@oris/shared/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { numericColumn } from './numeric';

const points = (name: string, precision: number) => ({
  name,
  type: 'numeric' as const,
  precision,
  scale: 2,
  nullable: true,
  transformer: numericColumn,
});

/**
 * A trainee's submission to an assignment (one per enrollment): their text and files, and the
 * trainer's grade and feedback. The grade is kept while the submission is `returned`: the
 * trainee reads the feedback; only `graded` publishes the grade.
 */
@Entity('assignment_submission')
export class AssignmentSubmission {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'assignment_submission_pkey' })
  id!: string;

  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId!: string;

  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: SubmissionStatus;

  @Column({ type: 'varchar', length: 50000, default: '' })
  text!: string;

  /** How many times it was submitted (resubmissions after a return count). */
  @Column({ name: 'submission_count', type: 'smallint', default: 0 })
  submissionCount!: number;

  /** The latest submission's instant: the queue's order. */
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  late!: boolean;

  @Column({ name: 'rubric_levels', type: 'jsonb', nullable: true })
  rubricLevels!: RubricSelection | null;

  @Column(points('points', 8))
  points!: number | null;

  @Column(points('max_points', 8))
  maxPoints!: number | null;

  /** The grade in percent, after the late penalty. */
  @Column(points('percent', 5))
  percent!: number | null;

  @Column({ type: 'varchar', length: 10000, default: '' })
  feedback!: string;

  @Column({ name: 'graded_by', type: 'uuid', nullable: true })
  gradedBy!: string | null;

  @Column({ name: 'graded_at', type: 'timestamptz', nullable: true })
  gradedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
