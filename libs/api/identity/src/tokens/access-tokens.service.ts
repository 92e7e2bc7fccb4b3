import { createSecretKey, KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig, AuthenticatedUser } from '@oris/api/platform';
import { ROLES, Role } from '@oris/shared/domain';

export const ACCESS_TOKEN_AUDIENCE = 'oris-api';
export const ACCESS_TOKEN_ISSUER = 'oris-academy';
/** Pinned: a token announcing any other algorithm (none, RS256 with the secret as key…) is refused. */
export const ACCESS_TOKEN_ALGORITHM = 'HS256';

interface AccessClaims {
  sub: string;
  email: string;
  roles: Role[];
  exp?: number;
}

export interface IssuedAccessToken {
  accessToken: string;
  /** Lifetime in seconds. */
  expiresIn: number;
}

const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/**
 * Short-lived access tokens. The roles they carry tell the web app what to show; the guards take
 * the current roles from the database instead (`AccountAccess`), so a revocation is immediate.
 */
@Injectable()
export class AccessTokens {
  /**
   * The secret as a key, made once: given a string, `jsonwebtoken` first tries to parse it as a
   * public key (and fails) then makes a secret key, on every verification (6% of an enrollment
   * rush's CPU in the P3 profile).
   */
  private readonly verificationKey: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {
    this.verificationKey = createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8'));
  }

  async issue(user: AuthenticatedUser): Promise<IssuedAccessToken> {
    const claims: AccessClaims = { sub: user.id, email: user.email, roles: user.roles };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.config.JWT_SECRET,
      algorithm: ACCESS_TOKEN_ALGORITHM,
      audience: ACCESS_TOKEN_AUDIENCE,
      issuer: ACCESS_TOKEN_ISSUER,
      expiresIn: this.config.JWT_ACCESS_TTL_SECONDS,
    });
    return { accessToken, expiresIn: this.config.JWT_ACCESS_TTL_SECONDS };
  }

  /** The person behind a token, or null for anything forged, expired, or not ours. */
  async verify(token: string): Promise<AuthenticatedUser | null> {
    try {
      const claims = await this.jwt.verifyAsync<Partial<AccessClaims>>(token, {
        // @nestjs/jwt types the secret as a string or Buffer, and hands it to jsonwebtoken as is,
        // which takes a KeyObject too.
        secret: this.verificationKey as unknown as Buffer,
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        audience: ACCESS_TOKEN_AUDIENCE,
        issuer: ACCESS_TOKEN_ISSUER,
      });
      const { sub, email, roles, exp } = claims;
      // A token without exp would never expire: refuse it even if correctly signed.
      if (typeof exp !== 'number' || typeof sub !== 'string' || typeof email !== 'string')
        return null;
      if (!Array.isArray(roles) || !roles.every(isRole)) return null;
      return { id: sub, email, roles };
    } catch {
      return null;
    }
  }
}
