import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { CourseSession } from './course-session.entity';

/** A dated meeting of a session; attendance is taken per meeting, so each has a stable id. */
@Entity('session_meeting')
@Index('session_meeting_session_id_starts_at_idx', ['sessionId', 'startsAt'])
@Check('session_meeting_times_check', `ends_at > starts_at`)
export class SessionMeeting {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'session_meeting_pkey' })
  id!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => CourseSession, (session) => session.meetings, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'session_meeting_session_id_fkey' })
  session?: Relation<CourseSession>;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'varchar', length: 120, nullable: true })
  label!: string | null;
}
