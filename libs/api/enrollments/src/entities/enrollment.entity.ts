import { CourseSession } from '@oris/api/catalogue';
import { User } from '@oris/api/identity';
import { Region } from '@oris/api/regions';
import type {
  BaselineSituation,
  EducationLevel,
  EnrollmentStatus,
  WithdrawalReason,
} from '@oris/shared/domain';
import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';

/**
 * A person in a session. Mirrors the migration `CreateEnrollments` (constraint names matter to
 * migration:generate). Who acted is kept per step: enrolled_by, approved_by, withdrawn_by,
 * validated_by (the trainer or administrator who recorded completed / not_completed), and
 * completion_attested_by when an administrator attested a completion the records do not show
 * (migration `EnrollmentCompletionAttestation`).
 */
@Entity('enrollment')
@Index('enrollment_active_key', ['sessionId', 'userId'], {
  unique: true,
  where: `status <> 'withdrawn'`,
})
@Index('enrollment_waitlist_key', ['sessionId', 'waitlistTicket'], {
  unique: true,
  where: `waitlist_ticket IS NOT NULL`,
})
@Index('enrollment_session_id_status_idx', ['sessionId', 'status', 'enrolledAt'])
@Index('enrollment_user_id_idx', { synchronize: false })
@Index('enrollment_completed_on_idx', ['completedOn'], { where: `status = 'completed'` })
@Check(
  'enrollment_status_check',
  `status IN ('pending', 'confirmed', 'waitlisted', 'withdrawn', 'completed', 'not_completed')`,
)
@Check(
  'enrollment_baseline_situation_check',
  `baseline_situation IN ('employed', 'self_employed', 'seeking', 'student', 'inactive')`,
)
@Check(
  'enrollment_education_level_check',
  `education_level IN ('none', 'primary', 'secondary', 'baccalaureate', 'bac_plus_2', 'licence', 'master', 'doctorate')`,
)
@Check(
  'enrollment_waitlist_check',
  `(status = 'waitlisted') = (waitlist_ticket IS NOT NULL) AND (waitlist_ticket IS NULL OR waitlist_ticket >= 1)`,
)
@Check(
  'enrollment_withdrawn_check',
  `(status = 'withdrawn') = (withdrawn_at IS NOT NULL AND withdrawal_reason IS NOT NULL)`,
)
@Check(
  'enrollment_withdrawal_reason_check',
  `withdrawal_reason IN ('trainee', 'staff', 'rejected', 'session_cancelled')`,
)
@Check('enrollment_completed_check', `(status = 'completed') = (completed_on IS NOT NULL)`)
@Check(
  'enrollment_validated_check',
  `status NOT IN ('completed', 'not_completed') OR validated_at IS NOT NULL`,
)
@Check(
  'enrollment_completion_attested_check',
  `(completion_attested_by IS NULL) = (completion_attested_at IS NULL) AND (completion_attested_at IS NULL OR status = 'completed')`,
)
export class Enrollment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'enrollment_pkey' })
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => CourseSession, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'enrollment_session_id_fkey' })
  session?: Relation<CourseSession>;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'enrollment_user_id_fkey' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 16 })
  status!: EnrollmentStatus;

  /**
   * Place in the session's queue while waitlisted (lower is served first); the position shown
   * is the rank among those still waiting, so it moves up as others leave the queue.
   */
  @Column({ name: 'waitlist_ticket', type: 'integer', nullable: true })
  waitlistTicket!: number | null;

  @Column({ name: 'baseline_situation', type: 'varchar', length: 16 })
  baselineSituation!: BaselineSituation;

  @Column({ name: 'education_level', type: 'varchar', length: 16 })
  educationLevel!: EducationLevel;

  /** The person's region when they enrolled: the indicators break down by it. */
  @Column({ name: 'region_code', type: 'varchar', length: 5, nullable: true })
  regionCode!: string | null;

  @ManyToOne(() => Region, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'enrollment_region_code_fkey' })
  region?: Relation<Region>;

  @Column({ name: 'enrolled_by', type: 'uuid' })
  enrolledBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolled_by', foreignKeyConstraintName: 'enrollment_enrolled_by_fkey' })
  enroller?: Relation<User>;

  /** When the row was written (under the session lock): request order, unlike now(). */
  @Column({ name: 'enrolled_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  enrolledAt!: Date;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'approved_by', foreignKeyConstraintName: 'enrollment_approved_by_fkey' })
  approver?: Relation<User>;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true })
  withdrawnBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'withdrawn_by', foreignKeyConstraintName: 'enrollment_withdrawn_by_fkey' })
  withdrawer?: Relation<User>;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawal_reason', type: 'varchar', length: 20, nullable: true })
  withdrawalReason!: WithdrawalReason | null;

  /** Calendar day of completion (past cohorts carry their real date). */
  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn!: string | null;

  @Column({ name: 'validated_by', type: 'uuid', nullable: true })
  validatedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'validated_by', foreignKeyConstraintName: 'enrollment_validated_by_fkey' })
  validator?: Relation<User>;

  @Column({ name: 'validated_at', type: 'timestamptz', nullable: true })
  validatedAt!: Date | null;

  /**
   * The administrator who recorded the completion of a session that had ended although the
   * platform's records do not meet the course's rule (a past cohort): the completion rests on
   * their word. Null for a completion the records show.
   */
  @Column({ name: 'completion_attested_by', type: 'uuid', nullable: true })
  completionAttestedBy!: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({
    name: 'completion_attested_by',
    foreignKeyConstraintName: 'enrollment_completion_attested_by_fkey',
  })
  completionAttester?: Relation<User>;

  @Column({ name: 'completion_attested_at', type: 'timestamptz', nullable: true })
  completionAttestedAt!: Date | null;

  /**
   * Why the completion was validated before the session's last meeting had started (see
   * `isEarlyCompletion`); null for a completion validated once the training was over.
   */
  @Column({ name: 'early_completion_reason', type: 'varchar', length: 500, nullable: true })
  earlyCompletionReason!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
