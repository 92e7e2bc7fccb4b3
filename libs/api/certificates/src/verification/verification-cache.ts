import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { AppConfig, RedisBroadcast, redisOptions } from '@oris/api/platform';

/**
 * Safety net only: revocations reach every process's cache at once through the broadcast; this
 * bounds how long an answer could outlive a signal lost on a connection Redis has not yet
 * reported broken.
 */
export const VERIFICATION_ANSWER_TTL_MS = 60_000;
/**
 * Unknown codes are remembered briefly. A code is 144 random bits first shown after its
 * certificate committed, so nobody looks it up before it exists: a remembered "unknown" is a typo
 * or a guess, and this short life only spares the database a repeated one.
 */
export const UNKNOWN_CODE_TTL_MS = 1_000;
const MAX_ANSWERS = 10_000;
const MAX_UNKNOWN_CODES = 1_000;

/** A loaded answer: the JSON bytes sent, and whether it may be kept (see `CertificateVerification`). */
export interface LoadedVerification {
  json: Buffer;
  keep: boolean;
}

interface CachedAnswer {
  json: Buffer;
  expiresAt: number;
}

/**
 * Verification answers per code, already serialised, in this process's memory (P4 in
 * docs/PERFORMANCE.md): a lookup served from here costs neither PostgreSQL nor encoding.
 *
 * Freshness: a revocation forgets the code here before the revoking request answers, and in every
 * other API process through a Redis channel (`revoked`). The cache serves only while its
 * subscription to that channel is live; while it is not (Redis down, reconnecting), lookups read
 * PostgreSQL and nothing is kept. Concurrent misses of one code share one query, and an answer
 * loaded while any invalidation happened is served to its waiters but not kept.
 */
@Injectable()
export class VerificationCache implements OnModuleInit, OnModuleDestroy {
  /** Least recently used first (Map order: a hit moves its entry to the end). */
  private readonly answers = new Map<string, CachedAnswer>();
  /** Unknown code → expiry, apart so that guessed codes never push out real answers. */
  private readonly unknown = new Map<string, number>();
  private readonly loading = new Map<string, Promise<Buffer | null>>();
  /** Bumped by every invalidation: a load that started before one is not kept. */
  private generation = 0;
  private readonly broadcast: RedisBroadcast;
  /** Caches kept from the same rows, told what this one forgets (see `onForget`). */
  private readonly followers = new Set<(code: string | null) => void>();
  /** The clock, replaceable in tests. */
  now: () => number = Date.now;

  constructor(config: AppConfig) {
    this.broadcast = new RedisBroadcast(
      redisOptions(config),
      `${config.QUEUE_PREFIX}:certificates:verification-changed`,
      {
        message: (code) => this.forget(code),
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

  /** Whether answers may be kept: the subscription to the invalidations is live. */
  get live(): boolean {
    return this.broadcast.live;
  }

  /**
   * Tells `follower` each code this cache forgets (a revocation, an erasure, here or in another
   * API process), or null when it forgets everything (the subscription broke): a cache of other
   * facts of the same certificates stays exactly as fresh as this one.
   */
  onForget(follower: (code: string | null) => void): void {
    this.followers.add(follower);
  }

  /**
   * The answer for `code` (null: no such certificate): from memory at once, without a promise
   * (the hot path), or from `load`.
   */
  get(
    code: string,
    load: () => Promise<LoadedVerification | null>,
  ): Buffer | null | Promise<Buffer | null> {
    if (!this.broadcast.live) return load().then((answer) => answer?.json ?? null);
    const now = this.now();
    const cached = this.answers.get(code);
    if (cached) {
      this.answers.delete(code);
      if (cached.expiresAt > now) {
        this.answers.set(code, cached);
        return cached.json;
      }
    }
    const unknownUntil = this.unknown.get(code);
    if (unknownUntil !== undefined) {
      if (unknownUntil > now) return null;
      this.unknown.delete(code);
    }
    return this.loading.get(code) ?? this.load(code, load);
  }

  /**
   * After a revocation committed: forgets `code` here, synchronously, then tells the other API
   * processes. Resolves once Redis has relayed the signal (or failed to: logged, and their
   * answers then expire within the TTL at the latest).
   */
  async changed(code: string): Promise<void> {
    this.forget(code);
    await this.broadcast.publish(code);
  }

  private load(code: string, load: () => Promise<LoadedVerification | null>) {
    const generation = this.generation;
    const pending: Promise<Buffer | null> = load().then(
      (answer) => {
        if (this.loading.get(code) === pending) this.loading.delete(code);
        if (generation === this.generation && this.broadcast.live) this.remember(code, answer);
        return answer?.json ?? null;
      },
      (error: unknown) => {
        if (this.loading.get(code) === pending) this.loading.delete(code);
        throw error;
      },
    );
    this.loading.set(code, pending);
    return pending;
  }

  private remember(code: string, answer: LoadedVerification | null): void {
    const now = this.now();
    if (!answer) {
      evictOldest(this.unknown, MAX_UNKNOWN_CODES);
      this.unknown.set(code, now + UNKNOWN_CODE_TTL_MS);
    } else if (answer.keep) {
      evictOldest(this.answers, MAX_ANSWERS);
      this.answers.set(code, { json: answer.json, expiresAt: now + VERIFICATION_ANSWER_TTL_MS });
    }
  }

  private forget(code: string): void {
    this.generation += 1;
    this.answers.delete(code);
    this.unknown.delete(code);
    // Lookups that arrive from now on must not join a query that may have read the old row.
    this.loading.delete(code);
    for (const follower of this.followers) follower(code);
  }

  private clear(): void {
    this.generation += 1;
    this.answers.clear();
    this.unknown.clear();
    this.loading.clear();
    for (const follower of this.followers) follower(null);
  }
}

function evictOldest(map: Map<string, unknown>, max: number): void {
  if (map.size < max) return;
  const oldest = map.keys().next();
  if (!oldest.done) map.delete(oldest.value);
}
