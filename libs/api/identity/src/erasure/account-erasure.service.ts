import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmailOutbox, NotificationCentre } from '@oris/api/notifications';
import { DataSource } from 'typeorm';
import { AccountAccess } from '../access/account-access';
import { AuditLog } from '../audit/audit-log.service';
import { AuthService } from '../auth/auth.service';
import { UserDto } from '../dto/user.dto';
import { User } from '../entities/user.entity';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { RolesService } from '../users/roles.service';
import { UsersService } from '../users/users.service';
import { AfterErasure, ErasureParticipants } from './erasure-participants';

export const ACCOUNT_ERASED = 'account.erased';

/**
 * What an erased person's name becomes: the column is required, and staff lists (a session's
 * enrollments, the officers' follow-ups) still show one line per record, now nameless.
 */
export const ERASED_FULL_NAME = '—';

/**
 * The address an erased account gets: unique (the column is), and never deliverable: `.invalid`
 * is reserved for that (RFC 2606), so nothing can ever reach a real mailbox with it.
 */
export const erasedEmailOf = (userId: string): string => `erased-${userId}@erased.invalid`;

/**
 * Law 09-08 right of erasure: anonymises a person everywhere while keeping every figure the
 * indicators compute. The account row stays (enrollments, completions, certificates and
 * situations point to it) with its name, email, phone and password gone, marked erased and
 * disabled; sessions and reset links end; consents lose their address; pending emails are
 * cancelled and every email to the person loses its content; their notification centre is
 * emptied. Gender, birth year and region stay: the indicators break down by them
 * (docs/PRIVACY.md says why). The features anonymise their own tables through
 * `ErasureParticipants`, in the same transaction.
 *
 * Idempotent: erasing an erased account changes nothing and records no second audit event.
 */
@Injectable()
export class AccountErasure {
  private readonly logger = new Logger(AccountErasure.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly hasher: PasswordHasher,
    private readonly roles: RolesService,
    private readonly users: UsersService,
    private readonly audit: AuditLog,
    private readonly accounts: AccountAccess,
    private readonly outbox: EmailOutbox,
    private readonly notifications: NotificationCentre,
    private readonly participants: ErasureParticipants,
  ) {}

  /** The signed-in person erases their own account, confirming with their password. */
  async eraseOwn(userId: string, currentPassword: string): Promise<void> {
    await this.auth.confirmPassword(userId, currentPassword);
    await this.erase(userId, userId);
  }

  /** An administrator erases someone's account on their request. */
  async eraseByAdmin(actorId: string, userId: string): Promise<UserDto> {
    if (actorId === userId) {
      throw new IdentityException(
        IdentityErrorCode.SelfErase,
        'Erase your own account from your data page, with your password.',
      );
    }
    await this.erase(actorId, userId);
    return this.users.get(userId);
  }

  private async erase(actorId: string, userId: string): Promise<void> {
    // A hash of a secret nobody keeps: the column stays a real hash, and no password matches it.
    const unusableHash = await this.hasher.hash(randomBytes(32).toString('base64url'));
    const after: AfterErasure[] = [];
    const erased = await this.dataSource.transaction(async (manager) => {
      await this.roles.lockUser(manager, userId);
      const user = await manager.findOneOrFail(User, { where: { id: userId } });
      if (user.erasedAt) return false;
      // An erased administrator no longer counts: keep one who can still sign in.
      await this.roles.assertNotLastAdmin(manager, userId);
      const now = new Date();
      const placeholderAddress = erasedEmailOf(userId);
      await manager.update(
        User,
        { id: userId },
        {
          email: placeholderAddress,
          fullName: ERASED_FULL_NAME,
          fullNameAr: null,
          phone: null,
          passwordHash: unusableHash,
          disabledAt: user.disabledAt ?? now,
          erasedAt: now,
        },
      );
      await manager.query(`UPDATE consent SET ip = NULL WHERE user_id = $1`, [userId]);
      await manager.query(`DELETE FROM refresh_token WHERE user_id = $1`, [userId]);
      await manager.query(`DELETE FROM password_reset_token WHERE user_id = $1`, [userId]);
      await manager.query(`DELETE FROM email_confirmation_token WHERE user_id = $1`, [userId]);
      // Stored answers of the person's retried requests may carry their data.
      await manager.query(`DELETE FROM idempotency_record WHERE user_id = $1`, [userId]);
      const cancelledEmails = await this.outbox.eraseRecipient(manager, {
        userId,
        address: user.email,
        placeholderAddress,
      });
      await this.notifications.eraseRecipient(manager, userId);
      for (const participant of this.participants.all()) {
        const then = await participant.erase(manager, userId);
        if (then) after.push(then);
      }
      await this.audit.record(manager, {
        actorId,
        action: ACCOUNT_ERASED,
        subjectType: 'user',
        subjectId: userId,
        data: { requestedBy: actorId === userId ? 'self' : 'admin', cancelledEmails },
      });
      return true;
    });
    if (!erased) return;
    await this.accounts.changed(userId);
    for (const then of after) {
      await then().catch((error: unknown) =>
        this.logger.error(`After erasing account ${userId}: ${String(error)}`),
      );
    }
  }
}
