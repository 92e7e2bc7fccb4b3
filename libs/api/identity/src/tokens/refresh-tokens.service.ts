import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig } from '@oris/api/platform';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { RefreshToken } from '../entities/refresh-token.entity';
import { User } from '../entities/user.entity';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { hashSecretToken, isSecretTokenShaped, newSecretToken } from './secret-token';

export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

export interface RotatedRefreshToken extends IssuedRefreshToken {
  userId: string;
}

type Rotation = { ok: true; rotated: RotatedRefreshToken } | { ok: false; reason: string };

const DAY_MS = 86_400_000;

/**
 * Opaque refresh tokens grouped in families (one family per sign-in). Each use rotates the
 * token; presenting a token that was already rotated means it leaked, so the whole family dies.
 */
@Injectable()
export class RefreshTokens {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Starts a new family (a sign-in). The family lives JWT_REFRESH_TTL_DAYS, however often it rotates. */
  async issue(manager: EntityManager, userId: string): Promise<IssuedRefreshToken> {
    const expiresAt = new Date(Date.now() + this.config.JWT_REFRESH_TTL_DAYS * DAY_MS);
    return this.insert(manager, userId, randomUUID(), expiresAt);
  }

  async rotate(token: string | undefined): Promise<RotatedRefreshToken> {
    if (!isSecretTokenShaped(token)) throw this.refused('No valid session.');
    const rotation = await this.dataSource.transaction(async (manager): Promise<Rotation> => {
      const current = await manager.findOne(RefreshToken, {
        where: { tokenHash: hashSecretToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current) return { ok: false, reason: 'No valid session.' };
      if (current.revokedAt) return { ok: false, reason: 'This session has ended.' };
      if (current.usedAt) {
        // Committed on purpose before refusing: the revocation must survive the error.
        await this.revokeFamily(manager, current.familyId);
        return { ok: false, reason: 'This session was ended because its token was reused.' };
      }
      if (current.expiresAt.getTime() <= Date.now())
        return { ok: false, reason: 'This session has expired.' };
      const user = await manager.findOne(User, {
        where: { id: current.userId },
        select: { id: true, disabledAt: true },
      });
      if (!user || user.disabledAt) {
        await this.revokeFamily(manager, current.familyId);
        return { ok: false, reason: 'This account is disabled.' };
      }
      const next = await this.insert(manager, current.userId, current.familyId, current.expiresAt);
      await manager.update(
        RefreshToken,
        { id: current.id },
        { usedAt: new Date(), replacedBy: next.id },
      );
      return {
        ok: true,
        rotated: { userId: current.userId, token: next.token, expiresAt: next.expiresAt },
      };
    });
    if (!rotation.ok) throw this.refused(rotation.reason);
    return rotation.rotated;
  }

  /** Ends the sign-in the token belongs to. Unknown or malformed tokens are ignored: logout always succeeds. */
  async revoke(token: string | undefined): Promise<void> {
    if (!isSecretTokenShaped(token)) return;
    const found = await this.dataSource.manager.findOne(RefreshToken, {
      where: { tokenHash: hashSecretToken(token) },
      select: { id: true, familyId: true },
    });
    if (found) await this.revokeFamily(this.dataSource.manager, found.familyId);
  }

  /** Signs the person out everywhere (password reset or change). */
  async revokeAllOf(manager: EntityManager, userId: string): Promise<void> {
    await manager.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.update(
      RefreshToken,
      { familyId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  private async insert(
    manager: EntityManager,
    userId: string,
    familyId: string,
    expiresAt: Date,
  ): Promise<IssuedRefreshToken & { id: string }> {
    const token = newSecretToken();
    const id = randomUUID();
    await manager.insert(RefreshToken, {
      id,
      userId,
      familyId,
      tokenHash: hashSecretToken(token),
      expiresAt,
    });
    return { id, token, expiresAt };
  }

  private refused(detail: string): IdentityException {
    return new IdentityException(IdentityErrorCode.InvalidRefreshToken, detail);
  }
}
