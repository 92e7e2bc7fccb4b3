import { SessionMeeting } from '@oris/api/catalogue';
import { User } from '@oris/api/identity';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Enrollment } from './enrollment.entity';

/** Present or absent at one meeting; a held meeting without a mark counts as absent. */
@Entity('attendance_mark')
@Index('attendance_mark_enrollment_id_idx', ['enrollmentId'])
export class AttendanceMark {
  @PrimaryColumn({
    name: 'meeting_id',
    type: 'uuid',
    primaryKeyConstraintName: 'attendance_mark_pkey',
  })
  meetingId!: string;

  @PrimaryColumn({
    name: 'enrollment_id',
    type: 'uuid',
    primaryKeyConstraintName: 'attendance_mark_pkey',
  })
  enrollmentId!: string;

  @Column({ type: 'boolean' })
  present!: boolean;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @UpdateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @ManyToOne(() => SessionMeeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id', foreignKeyConstraintName: 'attendance_mark_meeting_id_fkey' })
  meeting?: Relation<SessionMeeting>;

  @ManyToOne(() => Enrollment, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'enrollment_id',
    foreignKeyConstraintName: 'attendance_mark_enrollment_id_fkey',
  })
  enrollment?: Relation<Enrollment>;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'attendance_mark_recorded_by_fkey' })
  recorder?: Relation<User>;
}
