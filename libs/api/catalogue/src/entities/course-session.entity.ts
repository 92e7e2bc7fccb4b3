import { Region } from '@oris/api/regions';
import type { SessionStatus } from '@oris/shared/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Course } from './course.entity';
import { SessionMeeting } from './session-meeting.entity';
import { SessionTrainer } from './session-trainer.entity';

/**
 * A cohort: one run of a course. `confirmedCount` is the number of confirmed seats, kept by the
 * enrollment feature under a row lock so seats left are O(1) and the CHECK forbids overbooking.
 */
@Entity('course_session')
@Index('course_session_course_id_starts_on_idx', ['courseId', 'startsOn'])
@Index('course_session_region_code_starts_on_idx', ['regionCode', 'startsOn'])
@Check('course_session_capacity_check', `capacity BETWEEN 1 AND 1000`)
@Check(
  'course_session_confirmed_count_check',
  `confirmed_count >= 0 AND confirmed_count <= capacity`,
)
@Check('course_session_dates_check', `ends_on >= starts_on`)
@Check(
  'course_session_enrollment_window_check',
  `enrollment_opens_on <= enrollment_closes_on AND enrollment_closes_on <= ends_on`,
)
@Check('course_session_place_check', `venue IS NOT NULL OR online_url IS NOT NULL`)
@Check(
  'course_session_status_check',
  `status IN ('planned', 'open', 'running', 'completed', 'cancelled')`,
)
export class CourseSession {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'course_session_pkey' })
  id!: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId!: string;

  @ManyToOne(() => Course, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id', foreignKeyConstraintName: 'course_session_course_id_fkey' })
  course?: Relation<Course>;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  /** Calendar days (Morocco), as 'YYYY-MM-DD'. */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Column({ name: 'region_code', type: 'varchar', length: 5 })
  regionCode!: string;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'course_session_region_code_fkey' })
  region?: Relation<Region>;

  @Column({ type: 'varchar', length: 300, nullable: true })
  venue!: string | null;

  @Column({ name: 'online_url', type: 'varchar', length: 2000, nullable: true })
  onlineUrl!: string | null;

  @Column({ type: 'integer' })
  capacity!: number;

  @Column({ name: 'confirmed_count', type: 'integer', default: 0 })
  confirmedCount!: number;

  @Column({ name: 'enrollment_opens_on', type: 'date' })
  enrollmentOpensOn!: string;

  @Column({ name: 'enrollment_closes_on', type: 'date' })
  enrollmentClosesOn!: string;

  @Column({ name: 'approval_required', type: 'boolean', default: false })
  approvalRequired!: boolean;

  @Column({ type: 'varchar', length: 16, default: 'planned' })
  status!: SessionStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany(() => SessionTrainer, (trainer) => trainer.session)
  trainers?: Relation<SessionTrainer[]>;

  @OneToMany(() => SessionMeeting, (meeting) => meeting.session)
  meetings?: Relation<SessionMeeting[]>;
}
