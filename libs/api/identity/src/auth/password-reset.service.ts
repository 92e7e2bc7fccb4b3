import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  rateLimitAddress,
  RequestValidationException,
  type RateLimitRule,
  type LockoutPolicy,
  RateLimiter,
} from '@oris/api/platform';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { PasswordResetToken } from '../entities/password-reset-token.entity';
import { User } from '../entities/user.entity';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { passwordProblems } from '../passwords/password-policy';
import { accountLockout } from '../rate-limit/lockout';
import { hashSecretToken, isSecretTokenShaped, newSecretToken } from '../tokens/secret-token';
import { RefreshTokens } from '../tokens/refresh-tokens.service';
import { IdentityEmails } from './identity-emails';

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

/** Limits emails sent to one address, so the form cannot be used to flood someone's inbox. */
const FORGOT_PER_ACCOUNT: RateLimitRule = { name: 'forgot:account', limit: 3, windowSeconds: 900 };

@Injectable()
export class PasswordResetService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PasswordResetService.name);
  private readonly inFlight = new Set<Promise<void>>();
  private readonly forgotPerIp: RateLimitRule;
  private readonly lockout: LockoutPolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokens,
    private readonly rateLimiter: RateLimiter,
    private readonly emails: IdentityEmails,
    config: AppConfig,
  ) {
    this.forgotPerIp = {
      name: 'forgot:ip',
      limit: config.PASSWORD_RESET_RATE_LIMIT_PER_ADDRESS,
      windowSeconds: 60,
    };
    this.lockout = accountLockout(config);
  }

  /**
   * Emails a single-use link valid for one hour. The caller learns nothing: the answer is the
   * same, and comes before the address is even looked up, whether it has an account or not.
   */
  async requestReset(email: string, ip: string): Promise<void> {
    await this.rateLimiter.consume([this.forgotPerIp, rateLimitAddress(ip)]);
    const work = this.sendLink(email)
      .catch((error: unknown) => this.logger.error(error))
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  /** Lets links being written finish before the connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.inFlight);
  }

  private async sendLink(email: string): Promise<void> {
    const user = await this.dataSource.manager.findOne(User, { where: { email } });
    if (!user || user.disabledAt) return;
    const budget = await this.rateLimiter.check(FORGOT_PER_ACCOUNT, email);
    if (!budget.allowed) return;
    const token = newSecretToken();
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(PasswordResetToken, {
        userId: user.id,
        tokenHash: hashSecretToken(token),
        expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS),
      });
      await this.emails.passwordReset(manager, user, token);
    });
    this.emails.dispatch();
  }

  /** Sets the new password, spends every pending link of the person and signs them out everywhere. */
  async reset(token: string, password: string): Promise<void> {
    if (!isSecretTokenShaped(token)) throw this.invalid();
    const tokenHash = hashSecretToken(token);
    const usable = () => ({ tokenHash, usedAt: IsNull(), expiresAt: MoreThan(new Date()) });
    // Checked before hashing, so made-up tokens cost a lookup, not an argon2 computation.
    const pending = await this.dataSource.manager.findOne(PasswordResetToken, { where: usable() });
    const user =
      pending && (await this.dataSource.manager.findOne(User, { where: { id: pending.userId } }));
    if (!user || user.disabledAt) throw this.invalid();
    const problems = passwordProblems(password, { email: user.email });
    if (problems.length) {
      throw new RequestValidationException(
        problems.map((message) => ({ field: 'password', message: `password ${message}` })),
      );
    }
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      // Locked and checked again: of two concurrent uses of one link, exactly one succeeds.
      const locked = await manager.findOne(PasswordResetToken, {
        where: usable(),
        lock: { mode: 'pessimistic_write' },
      });
      if (!locked) throw this.invalid();
      await manager.update(
        PasswordResetToken,
        { userId: user.id, usedAt: IsNull() },
        { usedAt: new Date() },
      );
      // The link reached this mailbox: that proves the address as a confirmation link would
      // (how accounts created by an import, which never got a confirmation link, get confirmed).
      await manager.update(
        User,
        { id: user.id },
        { passwordHash, emailConfirmedAt: user.emailConfirmedAt ?? new Date() },
      );
      await this.refreshTokens.revokeAllOf(manager, user.id);
    });
    // Whoever typed wrong passwords, the owner proved themselves through their mailbox.
    await this.rateLimiter.clearFailures(this.lockout, user.email);
  }

  private invalid(): IdentityException {
    return new IdentityException(
      IdentityErrorCode.InvalidResetToken,
      'This reset link is invalid, expired or already used: ask for a new one.',
    );
  }
}
