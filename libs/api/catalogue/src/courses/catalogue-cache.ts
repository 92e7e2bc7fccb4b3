import { Injectable } from '@nestjs/common';

/** How long a public catalogue answer is served from memory. */
export const CATALOGUE_CACHE_TTL_MS = 2_000;
const MAX_ENTRIES = 500;

interface Entry<T> {
  expiresAt: number;
  value: Promise<T>;
}

/**
 * A short-lived memory of the public catalogue's answers. They are the same for every visitor,
 * read far more often than the catalogue changes, and each costs three statements; serving a
 * repeated query from memory for two seconds takes the database out of the hot path (see P2 in
 * docs/PERFORMANCE.md).
 *
 * Freshness: the catalogue's own writes in this process clear it at once; another API process's
 * writes and seat counts changed by enrollments show after at most the TTL. The course page and
 * enrollment itself always read live data, so a card's "seats left" can only lag by that much.
 *
 * Concurrent misses of one key share one query (no stampede when an entry expires under load),
 * and a failed query is not kept.
 */
@Injectable()
export class CatalogueCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private generation = 0;
  /** The clock, replaceable in tests. */
  now: () => number = Date.now;

  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const time = this.now();
    const cached = this.entries.get(key) as Entry<T> | undefined;
    if (cached && cached.expiresAt > time) return cached.value;

    const generation = this.generation;
    const value = load();
    this.remember(key, { expiresAt: time + CATALOGUE_CACHE_TTL_MS, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    // A write that happened while this loaded may not be in its answer: serve it to the
    // requests that already wait for it, but do not keep it.
    void value.then(
      () => {
        if (generation !== this.generation && this.entries.get(key)?.value === value) {
          this.entries.delete(key);
        }
      },
      () => undefined,
    );
    return value;
  }

  /** Waits for a catalogue write (its transaction), then forgets every answer. */
  async afterWrite<T>(write: Promise<T>): Promise<T> {
    try {
      return await write;
    } finally {
      this.invalidate();
    }
  }

  /** Called after every committed catalogue write of this process. */
  invalidate(): void {
    this.generation += 1;
    this.entries.clear();
  }

  private remember(key: string, entry: Entry<unknown>): void {
    if (this.entries.size >= MAX_ENTRIES) {
      // Oldest insertion first: Map keeps insertion order.
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, entry);
  }
}
