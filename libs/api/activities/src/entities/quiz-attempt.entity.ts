import type { DrawnQuestion } from '@oris/shared/domain';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericColumn } from './numeric';

export type AttemptClosedBy = 'trainee' | 'deadline';

/** A trainee's attempt: the drawn questions and their option order are frozen at start. */
@Entity('quiz_attempt')
export class QuizAttempt {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'quiz_attempt_pkey' })
  id!: string;

  @Column({ name: 'quiz_id', type: 'uuid' })
  quizId!: string;

  @Column({ name: 'enrollment_id', type: 'uuid' })
  enrollmentId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'smallint' })
  number!: number;

  @Column({ type: 'bigint', transformer: numericColumn })
  seed!: number;

  @Column({ type: 'jsonb' })
  drawn!: DrawnQuestion[];

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'deadline_at', type: 'timestamptz', nullable: true })
  deadlineAt!: Date | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'closed_by', type: 'varchar', length: 10, nullable: true })
  closedBy!: AttemptClosedBy | null;

  @Column({ type: 'numeric', precision: 8, scale: 2, nullable: true, transformer: numericColumn })
  score!: number | null;

  @Column({
    name: 'max_score',
    type: 'numeric',
    precision: 8,
    scale: 2,
    nullable: true,
    transformer: numericColumn,
  })
  maxScore!: number | null;

  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true, transformer: numericColumn })
  percent!: number | null;
}
