import type { Readable } from 'node:stream';

/**
 * Where the platform keeps files it produces (certificate PDFs, attachments). Keys are relative,
 * `/`-separated paths chosen by the code, never by a user; they are still checked, so a key can
 * never reach outside the storage root.
 */
export interface FileStorage {
  /** Writes the whole file or nothing: readers never see a half-written one. Overwrites. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The file's bytes; rejects with `FileNotFoundError` when there is none. */
  get(key: string): Promise<Buffer>;
  /**
   * A stream of the bytes `start` to `end` (inclusive, as HTTP ranges count) of the file, read
   * as they are sent: a download never holds the whole file in memory. Rejects with
   * `FileNotFoundError` when there is none, before any byte is read.
   */
  readRange(key: string, start: number, end: number): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Deletes the file; a file that is already gone is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Removes what writes interrupted by a crash left behind (a killed render's temporary file),
   * once older than `olderThanMs`; resolves to how many it removed. Never touches stored files.
   */
  removeAbandonedWrites(olderThanMs: number): Promise<number>;
}

/** Injection token of the configured `FileStorage`. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');

export class InvalidStorageKeyError extends Error {
  constructor(readonly key: string) {
    super(`Invalid storage key ${JSON.stringify(key)}`);
    this.name = 'InvalidStorageKeyError';
  }
}

export class FileNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored file ${JSON.stringify(key)}`);
    this.name = 'FileNotFoundError';
  }
}

// A segment starts with a letter or digit: no `.`/`..`, no hidden or temporary files (`.x.tmp`).
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Throws `InvalidStorageKeyError` unless the key is a plain relative path like `certificates/2026/ab.pdf`. */
export function assertStorageKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > 512) {
    throw new InvalidStorageKeyError(String(key));
  }
  if (!key.split('/').every((segment) => SEGMENT.test(segment))) {
    throw new InvalidStorageKeyError(key);
  }
}
