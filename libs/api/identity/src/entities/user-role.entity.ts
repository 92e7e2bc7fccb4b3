import type { Role } from '@oris/shared/domain';
import {
  Check,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  Relation,
} from 'typeorm';
import { User } from './user.entity';

/** One role held by one person; a person may hold several. */
@Entity('user_role')
@Check(
  'user_role_role_check',
  `role IN ('trainee', 'trainer', 'placement_officer', 'observatory_editor', 'partnership_officer', 'admin')`,
)
@Index('user_role_role_idx', ['role'])
export class UserRole {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'user_role_pkey' })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 20, primaryKeyConstraintName: 'user_role_pkey' })
  role!: Role;

  @CreateDateColumn({ name: 'granted_at', type: 'timestamptz' })
  grantedAt!: Date;

  @ManyToOne(() => User, (user) => user.roles, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_role_user_id_fkey' })
  user?: Relation<User>;
}
