import { User } from '@oris/api/identity';
import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { CourseSession } from './course-session.entity';

/** A trainer assigned to a session: runs it, takes attendance, validates completion. */
@Entity('session_trainer')
@Index('session_trainer_user_id_idx', ['userId'])
export class SessionTrainer {
  @PrimaryColumn({
    name: 'session_id',
    type: 'uuid',
    primaryKeyConstraintName: 'session_trainer_pkey',
  })
  sessionId!: string;

  @PrimaryColumn({
    name: 'user_id',
    type: 'uuid',
    primaryKeyConstraintName: 'session_trainer_pkey',
  })
  userId!: string;

  @ManyToOne(() => CourseSession, (session) => session.trainers, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'session_trainer_session_id_fkey' })
  session?: Relation<CourseSession>;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'session_trainer_user_id_fkey' })
  user?: Relation<User>;
}
