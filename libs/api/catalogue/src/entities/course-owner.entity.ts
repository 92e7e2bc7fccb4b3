import { User } from '@oris/api/identity';
import {
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Relation,
} from 'typeorm';
import { Course } from './course.entity';

/** A trainer who may edit a course and open its sessions. */
@Entity('course_owner')
@Index('course_owner_user_id_idx', ['userId'])
export class CourseOwner {
  @PrimaryColumn({ name: 'course_id', type: 'uuid', primaryKeyConstraintName: 'course_owner_pkey' })
  courseId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'course_owner_pkey' })
  userId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => Course, (course) => course.owners, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'course_owner_course_id_fkey' })
  course?: Relation<Course>;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'course_owner_user_id_fkey' })
  user?: Relation<User>;
}
