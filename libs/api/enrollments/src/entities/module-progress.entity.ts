import { CourseModuleEntity } from '@oris/api/catalogue';
import {
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Relation,
} from 'typeorm';
import { Enrollment } from './enrollment.entity';

/** A module the trainee marked done; marking it again changes nothing. */
@Entity('module_progress')
@Index('module_progress_module_id_idx', ['moduleId'])
export class ModuleProgress {
  @PrimaryColumn({
    name: 'enrollment_id',
    type: 'uuid',
    primaryKeyConstraintName: 'module_progress_pkey',
  })
  enrollmentId!: string;

  @PrimaryColumn({
    name: 'module_id',
    type: 'uuid',
    primaryKeyConstraintName: 'module_progress_pkey',
  })
  moduleId!: string;

  @CreateDateColumn({ name: 'completed_at', type: 'timestamptz' })
  completedAt!: Date;

  @ManyToOne(() => Enrollment, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'enrollment_id',
    foreignKeyConstraintName: 'module_progress_enrollment_id_fkey',
  })
  enrollment?: Relation<Enrollment>;

  @ManyToOne(() => CourseModuleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'module_id', foreignKeyConstraintName: 'module_progress_module_id_fkey' })
  module?: Relation<CourseModuleEntity>;
}
