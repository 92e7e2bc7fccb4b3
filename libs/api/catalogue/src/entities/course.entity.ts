import type { CourseStatus, CourseTheme, DeliveryMode, Locale } from '@oris/shared/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  Relation,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { CourseOwner } from './course-owner.entity';

/** Constraints mirror the migration `CreateCatalogue`; names matter to migration:generate. */
@Entity('course')
@Unique('course_code_key', ['code'])
@Check('course_code_check', `code ~ '^[A-Z0-9]{1,10}(-[A-Z0-9]{1,10}){0,3}$'`)
@Check(
  'course_theme_check',
  `theme IN ('social_entrepreneurship', 'project_engineering', 'impact_measurement', 'cooperatives', 'territorial_design', 'advocacy_partnerships', 'digital_inclusion', 'other')`,
)
@Check(
  'course_languages_check',
  `cardinality(languages) BETWEEN 1 AND 3 AND languages <@ ARRAY['fr', 'ar', 'en']::varchar[]`,
)
@Check('course_delivery_mode_check', `delivery_mode IN ('in_person', 'online', 'blended')`)
@Check('course_duration_hours_check', `duration_hours BETWEEN 1 AND 1000`)
@Check('course_min_attendance_percent_check', `min_attendance_percent BETWEEN 0 AND 100`)
@Check('course_status_check', `status IN ('draft', 'published', 'archived')`)
@Check('course_published_at_check', `status <> 'published' OR published_at IS NOT NULL`)
@Index('course_published_idx', { synchronize: false })
@Index('course_theme_idx', { synchronize: false })
@Index('course_delivery_mode_idx', { synchronize: false })
@Index('course_search_idx', { synchronize: false })
export class Course {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'course_pkey' })
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 500 })
  summary!: string;

  /** Markdown as written; `descriptionHtml` is its sanitised rendering. */
  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'description_html', type: 'text', default: '' })
  descriptionHtml!: string;

  @Column({ type: 'varchar', length: 32 })
  theme!: CourseTheme;

  @Column({ type: 'varchar', length: 2, array: true })
  languages!: Locale[];

  @Column({ name: 'delivery_mode', type: 'varchar', length: 16 })
  deliveryMode!: DeliveryMode;

  @Column({ name: 'duration_hours', type: 'smallint' })
  durationHours!: number;

  @Column({ name: 'learning_outcomes', type: 'text', array: true, default: () => `'{}'` })
  learningOutcomes!: string[];

  /** Completion rule: every required published module done. */
  @Column({ name: 'requires_modules', type: 'boolean', default: true })
  requiresModules!: boolean;

  /** Completion rule: attendance threshold where attendance is taken; null when none. */
  @Column({ name: 'min_attendance_percent', type: 'smallint', nullable: true })
  minAttendancePercent!: number | null;

  /** Completion rule: a trainer of the session validates it. */
  @Column({ name: 'requires_trainer_validation', type: 'boolean', default: false })
  requiresTrainerValidation!: boolean;

  /**
   * Minimisation (law 09-08): whether the session's trainers see each enrollee's baseline
   * (situation and education at enrollment). Off unless the teaching needs it.
   */
  @Column({ name: 'baseline_visible_to_trainers', type: 'boolean', default: false })
  baselineVisibleToTrainers!: boolean;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: CourseStatus;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany(() => CourseOwner, (owner) => owner.course)
  owners?: Relation<CourseOwner[]>;
}
