import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { PgChannelListener } from '@oris/api/database';
import { AppConfig } from '@oris/api/platform';

/** The channel `SearchIndexer` notifies in every transaction that writes the index. */
export const SEARCH_INDEX_CHANNEL = 'oris_search_index';

/** At most this many answers are kept… */
export const SEARCH_CACHE_MAX_ANSWERS = 5_000;
/** …and at most this many bytes of them (their JSON), the least recently used forgotten first. */
export const SEARCH_CACHE_MAX_BYTES = 64 * 1024 * 1024;
/**
 * Safety net only: changes reach every process through the notifications; this bounds how long
 * an answer could outlive one lost on a connection PostgreSQL has not yet reported broken.
 */
export const SEARCH_ANSWER_TTL_MS = 5 * 60_000;
/** Reconnection delays of the listening connection, doubling up to the maximum. */
const RECONNECT = { firstMs: 100, maxMs: 5_000 };

interface CachedAnswer {
  /** The answer's JSON, as sent. */
  value: Buffer;
  bytes: number;
  expiresAt: number;
}

/**
 * Whole search answers in this process's memory, already serialised (their JSON bytes), keyed by the normalised search (P11 in
 * docs/PERFORMANCE.md), least recently used forgotten first, bounded in count and bytes.
 *
 * Freshness: `SearchIndexer` bumps the index generation (a sequence) and sends it with
 * `pg_notify` inside the transaction that writes the index; PostgreSQL delivers it to every
 * listening API process when, and only if, that transaction commits. Each notification forgets
 * every answer (any search may be affected) and raises this process's generation: an answer
 * loaded while the generation changed is served to its waiters but not kept, as it may have read
 * the index before the change.
 *
 * Fail safe: answers are served and kept only while the listening connection is confirmed
 * (`LISTEN` done). When it breaks (PostgreSQL restarted, connection killed), the cache forgets
 * everything, every search reads PostgreSQL, and it reconnects by itself; it serves again only
 * once listening anew.
 */
@Injectable()
export class SearchCache implements OnModuleInit, OnModuleDestroy {
  /** Least recently used first (Map order: a hit moves its entry to the end). */
  private readonly answers = new Map<string, CachedAnswer>();
  private readonly loading = new Map<string, Promise<Buffer>>();
  private bytes = 0;
  /** Raised by every notification and by every loss of the connection. */
  private generation = 0;
  /** The last index generation PostgreSQL announced (diagnostics). */
  private indexGeneration: string | null = null;
  private readonly listener: PgChannelListener;
  private listening = false;
  /** The clock, replaceable in tests. */
  now: () => number = Date.now;

  constructor(config: AppConfig) {
    this.listener = new PgChannelListener(
      {
        connectionString: config.DATABASE_URL,
        applicationName: 'oris-search-cache',
        channel: SEARCH_INDEX_CHANNEL,
        label: SearchCache.name,
        retry: RECONNECT,
        whileLost: 'searches read PostgreSQL until it listens again',
      },
      {
        notified: (generation) => {
          this.indexGeneration = generation || null;
          this.forgetAll();
        },
        listening: () => this.setListening(true),
        lost: () => this.setListening(false),
      },
    );
  }

  onModuleInit(): void {
    this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener.stop();
    this.setListening(false);
  }

  /** Whether answers are served and kept: the notifications of the index's changes are heard. */
  get live(): boolean {
    return this.listening;
  }

  get size(): number {
    return this.answers.size;
  }

  /** The answer for `key`: from memory when live and kept, else from `load` (shared by concurrent misses). */
  get(key: string, load: () => Promise<Buffer>): Promise<Buffer> {
    if (!this.listening) return load();
    const cached = this.answers.get(key);
    if (cached) {
      this.answers.delete(key);
      if (cached.expiresAt > this.now()) {
        this.answers.set(key, cached);
        return Promise.resolve(cached.value);
      }
      this.bytes -= cached.bytes;
    }
    return this.loading.get(key) ?? this.load(key, load);
  }

  private load(key: string, load: () => Promise<Buffer>): Promise<Buffer> {
    const generation = this.generation;
    const pending: Promise<Buffer> = load().then(
      (value) => {
        if (this.loading.get(key) === pending) this.loading.delete(key);
        if (generation === this.generation && this.listening) this.remember(key, value);
        return value;
      },
      (error: unknown) => {
        if (this.loading.get(key) === pending) this.loading.delete(key);
        throw error;
      },
    );
    this.loading.set(key, pending);
    return pending;
  }

  private remember(key: string, value: Buffer): void {
    const bytes = value.length + key.length;
    if (bytes > SEARCH_CACHE_MAX_BYTES / 16) return;
    while (
      this.answers.size > 0 &&
      (this.answers.size >= SEARCH_CACHE_MAX_ANSWERS || this.bytes + bytes > SEARCH_CACHE_MAX_BYTES)
    ) {
      const [oldestKey, oldest] = this.answers.entries().next().value as [string, CachedAnswer];
      this.answers.delete(oldestKey);
      this.bytes -= oldest.bytes;
    }
    this.answers.set(key, { value, bytes, expiresAt: this.now() + SEARCH_ANSWER_TTL_MS });
    this.bytes += bytes;
  }

  /** Forgets every answer, and keeps no answer loaded before now. */
  forgetAll(): void {
    this.generation += 1;
    this.answers.clear();
    this.loading.clear();
    this.bytes = 0;
  }

  /** Any change of state forgets everything: notifications may have been missed meanwhile. */
  private setListening(listening: boolean): void {
    if (this.listening === listening) return;
    this.listening = listening;
    this.forgetAll();
  }

  /** The last index generation announced, for diagnostics and tests. */
  get lastIndexGeneration(): string | null {
    return this.indexGeneration;
  }
}
