import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AppConfig,
  rateLimitAddress,
  RequestValidationException,
  isUniqueViolation,
  RateLimiter,
  type RateLimitRule,
  type LockoutPolicy,
} from '@oris/api/platform';
import { DEFAULT_LOCALE } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { LoginDto, RegisterDto } from '../dto/auth.dto';
import { MeDto } from '../dto/consent.dto';
import { ConsentRecords } from '../consent/consent-records.service';
import { User } from '../entities/user.entity';
import { UserRole } from '../entities/user-role.entity';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { passwordProblems } from '../passwords/password-policy';
import { accountLockout } from '../rate-limit/lockout';
import { AccessTokens } from '../tokens/access-tokens.service';
import { RefreshTokens } from '../tokens/refresh-tokens.service';
import { UsersService } from '../users/users.service';
import { EmailConfirmationService } from './email-confirmation.service';
import { IdentityEmails } from './identity-emails';

/** What a sign-in yields: the body for the client and the refresh token for the cookie. */
export interface SignedIn {
  accessToken: string;
  expiresIn: number;
  user: MeDto;
  refreshToken: string;
  refreshExpiresAt: Date;
}

const INVALID_CREDENTIALS = 'The email or the password is incorrect.';

@Injectable()
export class AuthService {
  private readonly loginPerAddress: RateLimitRule;
  private readonly registerPerAddress: RateLimitRule;
  private readonly passwordChangePerAccount: RateLimitRule;
  private readonly lockout: LockoutPolicy;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
    private readonly users: UsersService,
    private readonly rateLimiter: RateLimiter,
    private readonly emails: IdentityEmails,
    private readonly emailConfirmation: EmailConfirmationService,
    private readonly consents: ConsentRecords,
    config: AppConfig,
  ) {
    this.loginPerAddress = {
      name: 'login:ip',
      limit: config.LOGIN_RATE_LIMIT_PER_ADDRESS,
      windowSeconds: 60,
    };
    this.registerPerAddress = {
      name: 'register:ip',
      limit: config.REGISTER_RATE_LIMIT_PER_ADDRESS,
      windowSeconds: 60,
    };
    this.passwordChangePerAccount = {
      name: 'password-change:account',
      limit: config.PASSWORD_CHANGE_RATE_LIMIT_PER_HOUR,
      windowSeconds: 3_600,
    };
    this.lockout = accountLockout(config);
  }

  async register(input: RegisterDto, ip: string): Promise<SignedIn> {
    await this.rateLimiter.consume([this.registerPerAddress, rateLimitAddress(ip)]);
    this.assertAcceptable('password', input.password, input.email);
    await this.users.assertRegion(input.regionCode);
    const passwordHash = await this.hasher.hash(input.password);
    try {
      const signedIn = await this.dataSource.transaction(async (manager) => {
        const user = manager.create(User, {
          email: input.email,
          passwordHash,
          fullName: input.fullName,
          fullNameAr: input.fullNameAr ?? null,
          phone: input.phone ?? null,
          gender: input.gender,
          birthYear: input.birthYear,
          regionCode: input.regionCode,
          locale: input.locale ?? DEFAULT_LOCALE,
        });
        await manager.save(user);
        await manager.insert(UserRole, { userId: user.id, role: 'trainee' });
        await this.consents.append(manager, user.id, {
          method: 'registration',
          followupTracking: true,
          ip,
        });
        // Unconfirmed until the link in this email is opened (email_confirmed_at stays null).
        await this.emailConfirmation.sendWelcome(manager, user);
        return this.startSession(manager, user.id);
      });
      this.emails.dispatch();
      return signedIn;
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw new IdentityException(
          IdentityErrorCode.EmailTaken,
          'An account already uses this email: sign in or reset the password.',
        );
      }
      throw error;
    }
  }

  /**
   * Unknown email, wrong password and disabled account get the same answer after the same
   * work (one argon2 verification), so neither the message nor the timing tells them apart;
   * wrong passwords count towards the account's lock whether or not the account exists.
   */
  async login(input: LoginDto, ip: string): Promise<SignedIn> {
    await this.rateLimiter.consume([this.loginPerAddress, rateLimitAddress(ip)]);
    await this.rateLimiter.assertNotLocked(this.lockout, input.email);
    const user = await this.dataSource.manager.findOne(User, {
      where: { email: input.email },
      select: { id: true, passwordHash: true, disabledAt: true },
    });
    const valid = user
      ? await this.hasher.verify(user.passwordHash, input.password)
      : await this.hasher.verifyNobody(input.password);
    if (!valid) await this.rateLimiter.recordFailure(this.lockout, input.email);
    if (!user || !valid || user.disabledAt) {
      throw new IdentityException(IdentityErrorCode.InvalidCredentials, INVALID_CREDENTIALS);
    }
    await this.rateLimiter.clearFailures(this.lockout, input.email);
    if (this.hasher.needsRehash(user.passwordHash)) {
      await this.dataSource.manager.update(
        User,
        { id: user.id },
        { passwordHash: await this.hasher.hash(input.password) },
      );
    }
    return this.startSession(this.dataSource.manager, user.id);
  }

  async refresh(refreshToken: string | undefined): Promise<SignedIn> {
    const rotated = await this.refreshTokens.rotate(refreshToken);
    const user = await this.users.getMe(rotated.userId);
    const access = await this.accessTokens.issue({
      id: user.id,
      email: user.email,
      roles: user.roles,
    });
    return { ...access, user, refreshToken: rotated.token, refreshExpiresAt: rotated.expiresAt };
  }

  /** Needs the current password; ends every session, since a change often answers a compromise. */
  async changePassword(
    userId: string,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const user = await this.confirmPassword(userId, currentPassword);
    this.assertAcceptable('newPassword', newPassword, user.email);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: userId }, { passwordHash });
      await this.refreshTokens.revokeAllOf(manager, userId);
    });
  }

  /**
   * Checks a signed-in person's password typed again (a password change, an erasure): the same
   * rate limit and lock as sign-in guard it; a wrong one is a field error on `currentPassword`.
   */
  async confirmPassword(userId: string, currentPassword: string): Promise<User> {
    const user = await this.dataSource.manager.findOne(User, { where: { id: userId } });
    if (!user) throw new IdentityException(IdentityErrorCode.Unauthenticated, 'Sign in again.');
    await this.rateLimiter.consume([this.passwordChangePerAccount, userId]);
    await this.rateLimiter.assertNotLocked(this.lockout, user.email);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      await this.rateLimiter.recordFailure(this.lockout, user.email);
      throw new RequestValidationException([
        { field: 'currentPassword', message: 'currentPassword is incorrect' },
      ]);
    }
    await this.rateLimiter.clearFailures(this.lockout, user.email);
    return user;
  }

  logout(refreshToken: string | undefined): Promise<void> {
    return this.refreshTokens.revoke(refreshToken);
  }

  private assertAcceptable(field: string, password: string, email: string): void {
    const problems = passwordProblems(password, { email });
    if (problems.length) {
      throw new RequestValidationException(
        problems.map((message) => ({ field, message: `${field} ${message}` })),
      );
    }
  }

  private async startSession(manager: EntityManager, userId: string): Promise<SignedIn> {
    const user = await this.users.getMe(userId, manager);
    const refresh = await this.refreshTokens.issue(manager, userId);
    const access = await this.accessTokens.issue({
      id: user.id,
      email: user.email,
      roles: user.roles,
    });
    return { ...access, user, refreshToken: refresh.token, refreshExpiresAt: refresh.expiresAt };
  }
}
