import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, AuthenticatedUser, RedisBroadcast, redisOptions } from '@oris/api/platform';
import type { Role } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import { sortRoles } from '../users/user.mapper';

/** What an account may do right now: its roles as stored, and whether it is disabled. */
export interface AccountStanding {
  roles: Role[];
  disabled: boolean;
}

/**
 * Safety net only: changes reach every process through the broadcast; this bounds how long an
 * entry could outlive a signal lost on a connection Redis has not yet reported broken.
 */
export const ACCOUNT_STANDING_TTL_MS = 30_000;
const MAX_ACCOUNTS = 20_000;

interface CachedStanding {
  standing: AccountStanding | null;
  expiresAt: number;
}

/**
 * The roles and disabled flag of each account, read from PostgreSQL on every authenticated
 * request rather than trusted from the access token, so that revoking a role or disabling an
 * account takes effect on the next request, not at token expiry.
 *
 * Cheap: kept in this process's memory, and forgotten on every change, here before the changing
 * request answers and in the other API processes through a Redis channel. As with the
 * verification cache, memory is used only while that subscription is live; otherwise every
 * request reads the database (one primary-key lookup).
 */
@Injectable()
export class AccountAccess implements OnModuleInit, OnModuleDestroy {
  private readonly cached = new Map<string, CachedStanding>();
  /** Bumped by every change: a read that started before one is not kept. */
  private generation = 0;
  private readonly broadcast: RedisBroadcast;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.broadcast = new RedisBroadcast(
      redisOptions(config),
      `${config.QUEUE_PREFIX}:identity:account-changed`,
      {
        message: (userId) => this.forget(userId),
        liveChanged: () => this.clear(),
      },
    );
  }

  onModuleInit(): void {
    this.broadcast.start();
  }

  onModuleDestroy(): void {
    this.broadcast.close();
  }

  /** Whether this process keeps standings in memory (its change subscription is confirmed). */
  get caching(): boolean {
    return this.broadcast.live;
  }

  /** The account's current standing; null when it no longer exists. */
  async standing(userId: string): Promise<AccountStanding | null> {
    const now = Date.now();
    if (this.broadcast.live) {
      const hit = this.cached.get(userId);
      if (hit && hit.expiresAt > now) return hit.standing;
    }
    const generation = this.generation;
    const standing = await this.load(userId);
    if (generation === this.generation && this.broadcast.live) {
      if (this.cached.size >= MAX_ACCOUNTS) this.cached.clear();
      this.cached.set(userId, { standing, expiresAt: now + ACCOUNT_STANDING_TTL_MS });
    }
    return standing;
  }

  /**
   * The person behind a verified token as they stand now: the roles stored, not those the token
   * carries; null when the account is disabled or gone.
   */
  async current(user: AuthenticatedUser): Promise<AuthenticatedUser | null> {
    const standing = await this.standing(user.id);
    if (!standing || standing.disabled) return null;
    return { ...user, roles: standing.roles };
  }

  /** After a change of roles or of the disabled flag committed: forget it everywhere. */
  async changed(userId: string): Promise<void> {
    this.forget(userId);
    await this.broadcast.publish(userId);
  }

  private async load(userId: string): Promise<AccountStanding | null> {
    const rows: { disabled: boolean; roles: Role[] }[] = await this.dataSource.query(
      `SELECT u.disabled_at IS NOT NULL AS disabled,
              coalesce(array_agg(r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
         FROM users u LEFT JOIN user_role r ON r.user_id = u.id
        WHERE u.id = $1
        GROUP BY u.id`,
      [userId],
    );
    const row = rows[0];
    return row ? { disabled: row.disabled, roles: sortRoles(row.roles) } : null;
  }

  private forget(userId: string): void {
    this.generation += 1;
    this.cached.delete(userId);
  }

  private clear(): void {
    this.generation += 1;
    this.cached.clear();
  }
}
