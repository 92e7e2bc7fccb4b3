import {
  VERIFICATION_ANSWER_TTL_MS,
  type VerificationCache,
} from '../verification/verification-cache';

const MAX_ENTRIES = 10_000;

interface Standing {
  revoked: boolean;
  /** The certificate's verification code, by which revocations are announced (null: none there). */
  code: string | null;
  expiresAt: number;
}

/** What a load reads: whether the certificate at a status position is revoked, and its code. */
export type StandingLoad = () => Promise<{ revoked: boolean; code: string | null }>;

/**
 * Whether the certificate at each status position is revoked, in this process's memory, exactly
 * as fresh as P4's verification answers: it follows `VerificationCache` (a revocation or an
 * erasure forgets the certificate's entry here too, in every API process, before the revoking
 * request answers), keeps nothing while that cache's subscription is down, and does not keep a
 * load that started before an invalidation. A verification served from here costs no query.
 */
export class RevocationCache {
  /** Least recently used first. */
  private readonly standings = new Map<number, Standing>();
  private readonly positionByCode = new Map<string, number>();
  private generation = 0;

  constructor(private readonly verificationCache: VerificationCache) {
    verificationCache.onForget((code) => (code === null ? this.clear() : this.forget(code)));
  }

  isRevoked(position: number, load: StandingLoad): boolean | Promise<boolean> {
    if (!this.verificationCache.live) return load().then((standing) => standing.revoked);
    const cached = this.standings.get(position);
    if (cached) {
      this.standings.delete(position);
      if (cached.expiresAt > this.verificationCache.now()) {
        this.standings.set(position, cached);
        return cached.revoked;
      }
    }
    const generation = this.generation;
    return load().then((standing) => {
      if (generation === this.generation && this.verificationCache.live) {
        this.remember(position, standing);
      }
      return standing.revoked;
    });
  }

  private remember(position: number, { revoked, code }: Omit<Standing, 'expiresAt'>): void {
    if (this.standings.size >= MAX_ENTRIES) {
      const [oldest] = this.standings;
      this.standings.delete(oldest[0]);
      if (oldest[1].code !== null) this.positionByCode.delete(oldest[1].code);
    }
    const expiresAt = this.verificationCache.now() + VERIFICATION_ANSWER_TTL_MS;
    this.standings.set(position, { revoked, code, expiresAt });
    if (code !== null) this.positionByCode.set(code, position);
  }

  private forget(code: string): void {
    this.generation += 1;
    const position = this.positionByCode.get(code);
    if (position === undefined) return;
    this.positionByCode.delete(code);
    this.standings.delete(position);
  }

  private clear(): void {
    this.generation += 1;
    this.standings.clear();
    this.positionByCode.clear();
  }
}
