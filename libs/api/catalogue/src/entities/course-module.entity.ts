import type { ModuleStatus } from '@oris/shared/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Course } from './course.entity';

export interface ResourceLink {
  title: string;
  url: string;
}

/**
 * An ordered unit of a course. Named `…Entity` so it is not mistaken for a Nest module.
 * The position is unique per course, deferrable so that a reorder is one UPDATE.
 */
@Entity('course_module')
@Unique('course_module_course_id_position_key', ['courseId', 'position'], {
  deferrable: 'INITIALLY IMMEDIATE',
})
@Check('course_module_position_check', `position >= 1`)
@Check('course_module_estimated_minutes_check', `estimated_minutes BETWEEN 1 AND 6000`)
@Check('course_module_status_check', `status IN ('draft', 'published')`)
@Check('course_module_published_at_check', `status <> 'published' OR published_at IS NOT NULL`)
export class CourseModuleEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'course_module_pkey' })
  id!: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'course_module_course_id_fkey' })
  course?: Relation<Course>;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** Markdown as written; `contentHtml` is its sanitised rendering. */
  @Column({ type: 'text', default: '' })
  content!: string;

  @Column({ name: 'content_html', type: 'text', default: '' })
  contentHtml!: string;

  @Column({ name: 'estimated_minutes', type: 'integer' })
  estimatedMinutes!: number;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  resources!: ResourceLink[];

  @Column({ type: 'boolean', default: true })
  required!: boolean;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: ModuleStatus;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
