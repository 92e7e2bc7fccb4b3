import type { QuestionKey, QuestionType } from '@oris/shared/domain';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** A question of a course's bank, in the course's language (as modules are). */
@Entity('quiz_question')
export class QuizQuestion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'quiz_question_pkey' })
  id!: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @Column({ type: 'varchar', length: 20 })
  type!: QuestionType;

  @Column({ type: 'varchar', length: 2000 })
  text!: string;

  /** Shown with the correct answer, when the quiz's review policy allows. */
  @Column({ type: 'varchar', length: 2000, default: '' })
  feedback!: string;

  @Column({ type: 'varchar', length: 40, array: true, default: () => `'{}'` })
  tags!: string[];

  @Column({ type: 'smallint' })
  points!: number;

  /** What makes an answer right; never sent to a trainee before review. */
  @Column({ type: 'jsonb' })
  key!: QuestionKey;

  /** Incremented by each edit: results say which version graded an answer. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
