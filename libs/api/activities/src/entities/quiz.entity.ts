import type { QuizGradingMethod, QuizReviewPolicy } from '@oris/shared/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** The quiz of a module (one at most), drawing from its course's question bank. */
@Entity('quiz')
export class Quiz {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'quiz_pkey' })
  id!: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @Column({ name: 'module_id', type: 'uuid' })
  moduleId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** Questions drawn per attempt; null: every question of the pool. */
  @Column({ name: 'draw_count', type: 'smallint', nullable: true })
  drawCount!: number | null;

  /** The pool: questions with one of these tags; empty: the whole bank. */
  @Column({ name: 'draw_tags', type: 'varchar', length: 40, array: true, default: () => `'{}'` })
  drawTags!: string[];

  @Column({ name: 'shuffle_options', type: 'boolean', default: true })
  shuffleOptions!: boolean;

  @Column({ name: 'attempts_allowed', type: 'smallint', default: 1 })
  attemptsAllowed!: number;

  @Column({ name: 'time_limit_minutes', type: 'smallint', nullable: true })
  timeLimitMinutes!: number | null;

  @Column({ name: 'pass_mark_percent', type: 'smallint' })
  passMarkPercent!: number;

  @Column({ name: 'review_policy', type: 'varchar', length: 20 })
  reviewPolicy!: QuizReviewPolicy;

  @Column({ name: 'grading_method', type: 'varchar', length: 10 })
  gradingMethod!: QuizGradingMethod;

  /** After it, no attempt starts; `after_due` reviews open then. */
  @Column({ name: 'closes_at', type: 'timestamptz', nullable: true })
  closesAt!: Date | null;

  /** Whether the course's completion rule requires this quiz passed. */
  @Column({ name: 'required_for_completion', type: 'boolean', default: false })
  requiredForCompletion!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
