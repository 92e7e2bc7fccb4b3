import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AccountAccess } from '../access/account-access';
import { AuditLog } from '../audit/audit-log.service';
import { UserDto } from '../dto/user.dto';
import { User } from '../entities/user.entity';
import { UserRole } from '../entities/user-role.entity';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { UsersService } from './users.service';

export const ROLE_GRANTED = 'role.granted';
export const ROLE_REVOKED = 'role.revoked';

/**
 * Grants and revokes roles. Both are idempotent: repeating one changes nothing and records no
 * second audit event. `actorId` is null when an operator acts from the command line.
 */
@Injectable()
export class RolesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly audit: AuditLog,
    private readonly accounts: AccountAccess,
  ) {}

  async grant(actorId: string | null, userId: string, role: Role): Promise<UserDto> {
    const user = await this.dataSource.transaction(async (manager) => {
      await this.grantWithin(manager, actorId, userId, role);
      return this.users.get(userId, manager);
    });
    await this.accounts.changed(userId);
    return user;
  }

  /** Callers of `grantWithin` call `accounts.changed` once their transaction committed. */

  async grantWithin(
    manager: EntityManager,
    actorId: string | null,
    userId: string,
    role: Role,
  ): Promise<void> {
    await this.lockUser(manager, userId);
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(UserRole)
      .values({ userId, role })
      .orIgnore()
      .returning(['user_id'])
      .execute();
    if (inserted.raw.length > 0) {
      await this.audit.record(manager, {
        actorId,
        action: ROLE_GRANTED,
        subjectType: 'user',
        subjectId: userId,
        data: { role },
      });
    }
  }

  /** Effective on the person's next request: the guards read roles from the database. */
  async revoke(actorId: string | null, userId: string, role: Role): Promise<UserDto> {
    const user = await this.dataSource.transaction(async (manager) => {
      await this.lockUser(manager, userId);
      if (role === 'admin') await this.assertNotLastAdmin(manager, userId);
      const deleted = await manager.delete(UserRole, { userId, role });
      if (deleted.affected) {
        await this.audit.record(manager, {
          actorId,
          action: ROLE_REVOKED,
          subjectType: 'user',
          subjectId: userId,
          data: { role },
        });
      }
      return this.users.get(userId, manager);
    });
    await this.accounts.changed(userId);
    return user;
  }

  async lockUser(manager: EntityManager, userId: string): Promise<void> {
    const user = await manager.findOne(User, {
      where: { id: userId },
      select: { id: true },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user)
      throw new IdentityException(IdentityErrorCode.UserNotFound, `No user with id ${userId}.`);
  }

  /**
   * Locks every admin row first, so two admins revoking each other at the same moment are
   * serialised and cannot leave the platform without an active administrator.
   */
  async assertNotLastAdmin(manager: EntityManager, userId: string): Promise<void> {
    const admins: { user_id: string }[] = await manager.query(
      `SELECT r.user_id FROM user_role r JOIN users u ON u.id = r.user_id
        WHERE r.role = 'admin' AND u.disabled_at IS NULL
        ORDER BY r.user_id FOR UPDATE OF r`,
    );
    if (admins.some((admin) => admin.user_id === userId) && admins.length <= 1) {
      throw new IdentityException(
        IdentityErrorCode.LastAdmin,
        'This is the last active administrator: grant the admin role to someone else first.',
      );
    }
  }
}
