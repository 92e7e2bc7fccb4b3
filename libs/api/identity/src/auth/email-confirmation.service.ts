import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, rateLimitAddress, RateLimiter, type RateLimitRule } from '@oris/api/platform';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { EmailConfirmationToken } from '../entities/email-confirmation-token.entity';
import { User } from '../entities/user.entity';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { hashSecretToken, isSecretTokenShaped, newSecretToken } from '../tokens/secret-token';
import { IdentityEmails } from './identity-emails';

/**
 * Proving an email address: a single-use link (256-bit token, only its SHA-256 stored, valid
 * EMAIL_CONFIRMATION_TTL_HOURS) is emailed at registration and on request; opening it sets
 * `users.email_confirmed_at`. A password set through an emailed reset link proves the address
 * as well (PasswordResetService), which is how imported accounts get confirmed.
 */
@Injectable()
export class EmailConfirmationService {
  private readonly resendPerAccount: RateLimitRule;
  private readonly resendPerAddress: RateLimitRule;
  private readonly ttlMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rateLimiter: RateLimiter,
    private readonly emails: IdentityEmails,
    config: AppConfig,
  ) {
    this.resendPerAccount = {
      name: 'confirm-resend:account',
      limit: config.EMAIL_CONFIRMATION_RESEND_PER_HOUR,
      windowSeconds: 3_600,
    };
    // The forgot-password budget per address: both send emails to addresses on request.
    this.resendPerAddress = {
      name: 'confirm-resend:ip',
      limit: config.PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS,
      windowSeconds: 60,
    };
    this.ttlMs = config.EMAIL_CONFIRMATION_TTL_HOURS * 3_600_000;
  }

  /** Writes a new link and the welcome email carrying it, in the registration's transaction. */
  async sendWelcome(manager: EntityManager, user: User): Promise<void> {
    await this.emails.welcome(manager, user, await this.newLink(manager, user.id));
  }

  /**
   * Emails a new link to the signed-in person (rate limited per account and per address). An
   * address already confirmed gets nothing: the answer is the same, there is nothing to prove.
   */
  async resend(userId: string, ip: string): Promise<void> {
    await this.rateLimiter.consume(
      [this.resendPerAccount, userId],
      [this.resendPerAddress, rateLimitAddress(ip)],
    );
    const user = await this.dataSource.manager.findOne(User, { where: { id: userId } });
    if (!user || user.disabledAt || user.emailConfirmedAt) return;
    await this.dataSource.transaction(async (manager) => {
      const token = await this.newLink(manager, user.id);
      await this.emails.emailConfirmation(manager, user, token);
    });
    this.emails.dispatch();
  }

  /** Confirms the address the link was sent to and spends every pending link of the person. */
  async confirm(token: string): Promise<void> {
    if (!isSecretTokenShaped(token)) throw invalidLink();
    const tokenHash = hashSecretToken(token);
    await this.dataSource.transaction(async (manager) => {
      // Locked: of two concurrent uses of one link, exactly one finds it unused.
      const link = await manager.findOne(EmailConfirmationToken, {
        where: { tokenHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        lock: { mode: 'pessimistic_write' },
      });
      const user = link && (await manager.findOne(User, { where: { id: link.userId } }));
      if (!link || !user || user.disabledAt) throw invalidLink();
      const now = new Date();
      await manager.update(
        EmailConfirmationToken,
        { userId: user.id, usedAt: IsNull() },
        { usedAt: now },
      );
      if (!user.emailConfirmedAt) {
        await manager.update(User, { id: user.id }, { emailConfirmedAt: now });
      }
    });
  }

  private async newLink(manager: EntityManager, userId: string): Promise<string> {
    const token = newSecretToken();
    await manager.insert(EmailConfirmationToken, {
      userId,
      tokenHash: hashSecretToken(token),
      expiresAt: new Date(Date.now() + this.ttlMs),
    });
    return token;
  }
}

const invalidLink = () =>
  new IdentityException(
    IdentityErrorCode.InvalidConfirmationToken,
    'This confirmation link is invalid, expired or already used: sign in and ask for a new one.',
  );
