import type { QuestionResponse } from '@oris/shared/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericColumn } from './numeric';

/** A trainee's answer to one question of an attempt, saved as they answer; graded at submit. */
@Entity('quiz_answer')
export class QuizAnswer {
  @PrimaryColumn({ name: 'attempt_id', type: 'uuid', primaryKeyConstraintName: 'quiz_answer_pkey' })
  attemptId!: string;

  @PrimaryColumn({
    name: 'question_id',
    type: 'uuid',
    primaryKeyConstraintName: 'quiz_answer_pkey',
  })
  questionId!: string;

  /** Null: left unanswered (a row written at grading). */
  @Column({ type: 'jsonb', nullable: true })
  response!: QuestionResponse | null;

  @Column({ name: 'saved_at', type: 'timestamptz' })
  savedAt!: Date;

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
}
