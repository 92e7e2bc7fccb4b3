import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { AccountAccess } from '../access/account-access';
import { AuditLog } from '../audit/audit-log.service';
import { UserDto } from '../dto/user.dto';
import { User } from '../entities/user.entity';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { RefreshTokens } from '../tokens/refresh-tokens.service';
import { RolesService } from './roles.service';
import { UsersService } from './users.service';

export const ACCOUNT_DISABLED = 'account.disabled';
export const ACCOUNT_ENABLED = 'account.enabled';

/**
 * Administrators disable and re-enable accounts. Disabling ends every session and takes effect on
 * the person's next request (the guards read the flag, see `AccountAccess`); the data stays.
 * Both are idempotent: repeating one changes nothing and records no second audit event.
 */
@Injectable()
export class AccountDisabling {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly roles: RolesService,
    private readonly refreshTokens: RefreshTokens,
    private readonly audit: AuditLog,
    private readonly accounts: AccountAccess,
  ) {}

  async disable(actorId: string, userId: string): Promise<UserDto> {
    if (actorId === userId) {
      throw new IdentityException(
        IdentityErrorCode.SelfDisable,
        'Ask another administrator to disable this account.',
      );
    }
    const user = await this.dataSource.transaction(async (manager) => {
      await this.roles.lockUser(manager, userId);
      // A disabled administrator no longer counts: keep one who can still sign in.
      await this.roles.assertNotLastAdmin(manager, userId);
      const changed = await manager.update(
        User,
        { id: userId, disabledAt: IsNull() },
        { disabledAt: new Date() },
      );
      if (changed.affected) {
        await this.refreshTokens.revokeAllOf(manager, userId);
        await this.audit.record(manager, {
          actorId,
          action: ACCOUNT_DISABLED,
          subjectType: 'user',
          subjectId: userId,
        });
      }
      return this.users.get(userId, manager);
    });
    await this.accounts.changed(userId);
    return user;
  }

  async enable(actorId: string, userId: string): Promise<UserDto> {
    const user = await this.dataSource.transaction(async (manager) => {
      await this.roles.lockUser(manager, userId);
      const changed = await manager.update(
        User,
        { id: userId, disabledAt: Not(IsNull()) },
        { disabledAt: null },
      );
      if (changed.affected) {
        await this.audit.record(manager, {
          actorId,
          action: ACCOUNT_ENABLED,
          subjectType: 'user',
          subjectId: userId,
        });
      }
      return this.users.get(userId, manager);
    });
    await this.accounts.changed(userId);
    return user;
  }
}
