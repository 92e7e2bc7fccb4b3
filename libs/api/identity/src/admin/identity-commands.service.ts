import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@oris/api/platform';
import { PERSONAL_DATA_NOTICE_VERSION, PERSONAL_DATA_PURPOSE } from '@oris/shared/domain';
import { isEmail } from 'class-validator';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccountAccess } from '../access/account-access';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH } from '../dto/validation';
import { Consent } from '../entities/consent.entity';
import { User } from '../entities/user.entity';
import { PasswordHasher } from '../passwords/password-hasher.service';
import { passwordProblems } from '../passwords/password-policy';
import { RolesService } from '../users/roles.service';
import { DEMO_ACCOUNTS, DEMO_LEARNERS, DEMO_PASSWORD, DemoAccount } from './demo-accounts';

/** A mistake in a command's arguments: the message is for the operator, without a stack trace. */
export class CommandInputError extends Error {}

export interface CreateAdminInput {
  email: string;
  password: string;
  name?: string;
  /** Required to make an existing account an administrator: a typo must not promote a stranger. */
  promote?: boolean;
}

/** What the operator commands (`seed:demo`, `admin:create`) do; the CLI only parses arguments. */
@Injectable()
export class IdentityCommands {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly roles: RolesService,
    private readonly config: AppConfig,
    private readonly accounts: AccountAccess,
  ) {}

  /** Idempotent: existing demo accounts keep their password and get their role back if it was revoked. */
  async seedDemo(): Promise<string[]> {
    if (this.config.isProduction) {
      throw new CommandInputError(
        'seed:demo refuses to run with NODE_ENV=production: demo accounts have a public password.',
      );
    }
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    const lines: string[] = [];
    for (const account of DEMO_ACCOUNTS) {
      const created = await this.seedAccount(account, passwordHash);
      lines.push(`${created ? 'created' : 'kept   '} ${account.email.padEnd(26)} ${account.role}`);
    }
    let learnersCreated = 0;
    for (const account of DEMO_LEARNERS) {
      if (await this.seedAccount(account, passwordHash)) learnersCreated += 1;
    }
    lines.push(
      `${learnersCreated} of ${DEMO_LEARNERS.length} demo learners created (learner01…${String(DEMO_LEARNERS.length).padStart(2, '0')}@oris.example)`,
    );
    lines.push(`Demo password: ${DEMO_PASSWORD}`);
    return lines;
  }

  /** Creates the account if its email is free and (re)grants its role; true when created. */
  private async seedAccount(
    { role, ...profile }: DemoAccount,
    passwordHash: string,
  ): Promise<boolean> {
    const { id, created } = await this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(User, {
        where: { email: profile.email },
        select: { id: true },
      });
      const id = existing?.id ?? (await this.insertUser(manager, { ...profile, passwordHash }));
      if (!existing) await this.recordConsent(manager, id);
      // Demo addresses receive nothing real: they count as confirmed, so they enroll at once.
      await manager.update(
        User,
        { id, emailConfirmedAt: IsNull() },
        { emailConfirmedAt: new Date() },
      );
      await this.roles.grantWithin(manager, null, id, role);
      return { id, created: !existing };
    });
    await this.accounts.changed(id);
    return created;
  }

  /**
   * Creates an administrator; with `promote`, makes the existing account of that email one instead
   * (its password is then left alone). Without `promote` an existing account is refused.
   */
  async createAdmin(input: CreateAdminInput): Promise<string> {
    const email = input.email.trim().toLowerCase();
    if (!isEmail(email) || email.length > EMAIL_MAX_LENGTH)
      throw new CommandInputError(`--email: "${input.email}" is not an email address`);
    const name = (input.name ?? '').trim() || 'Administrator';
    if (name.length > NAME_MAX_LENGTH)
      throw new CommandInputError(`--name: at most ${NAME_MAX_LENGTH} characters`);
    const problems = passwordProblems(input.password, { email });
    if (problems.length) throw new CommandInputError(`--password ${problems.join('; ')}`);
    const { id, message } = await this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOne(User, { where: { email }, select: { id: true } });
      if (existing) {
        if (!input.promote) {
          throw new CommandInputError(
            `An account already uses ${email}: add --promote to make it an administrator (its password stays unchanged), or choose another email.`,
          );
        }
        await this.roles.grantWithin(manager, null, existing.id, 'admin');
        return { id: existing.id, message: `Promoted ${email} to admin (password unchanged).` };
      }
      const created = await this.insertUser(manager, {
        email,
        passwordHash: await this.hasher.hash(input.password),
        fullName: name,
      });
      await this.roles.grantWithin(manager, null, created, 'admin');
      return { id: created, message: `Created admin ${email}.` };
    });
    await this.accounts.changed(id);
    return message;
  }

  /**
   * Accounts made by an operator's command count as confirmed: the operator vouches for the
   * address (and a wrong one only hurts the operator, who can reset the password).
   */
  private async insertUser(
    manager: EntityManager,
    user: Partial<User> & Pick<User, 'email' | 'passwordHash' | 'fullName'>,
  ): Promise<string> {
    const saved = await manager.save(
      manager.create(User, { ...user, emailConfirmedAt: new Date() }),
    );
    return saved.id;
  }

  private async recordConsent(manager: EntityManager, userId: string): Promise<void> {
    await manager.insert(Consent, {
      userId,
      purpose: PERSONAL_DATA_PURPOSE,
      noticeVersion: PERSONAL_DATA_NOTICE_VERSION,
      method: 'command',
      followupTracking: true,
      ip: null,
    });
  }
}
