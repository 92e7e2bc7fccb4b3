import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import {
  assertStorageKey,
  FileNotFoundError,
  InvalidStorageKeyError,
  type FileStorage,
} from './file-storage';

const isNotFound = (error: unknown) =>
  (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/** The name `put` gives its temporary files: hidden, never a valid storage key, `.tmp` at the end. */
const TEMPORARY_FILE = /^\..+\.tmp$/;

/**
 * Files under one local folder. A write goes to a temporary file in the destination folder,
 * is flushed to disk, then renamed over the final name: rename is atomic within a file system,
 * so a crash leaves either the old file, the new one, or a stray `.tmp` (never a torn PDF).
 */
export class LocalDirectoryStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    const folder = dirname(path);
    await mkdir(folder, { recursive: true });
    // Matches TEMPORARY_FILE, and no key can name it (keys never start with a dot).
    const temporary = join(
      folder,
      `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
    );
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    await handle.close();
    try {
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if (isNotFound(error)) throw new FileNotFoundError(key);
      throw error;
    }
  }

  async readRange(key: string, start: number, end: number): Promise<Readable> {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
      throw new RangeError(`Invalid byte range ${start}-${end} of ${JSON.stringify(key)}`);
    }
    let handle;
    try {
      handle = await open(this.pathOf(key), 'r');
    } catch (error) {
      if (isNotFound(error)) throw new FileNotFoundError(key);
      throw error;
    }
    // The open handle keeps the bytes readable even if the file is replaced or deleted meanwhile.
    return handle.createReadStream({ start, end, autoClose: true });
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /**
   * Deletes the temporary files of writes that never finished (the process was killed between
   * creating and renaming one). A write in progress renews its file's modification time as it
   * writes, so a file untouched for `olderThanMs` (minutes, where a write takes milliseconds) is
   * abandoned. Files that vanish meanwhile (another worker swept them) are not an error.
   */
  async removeAbandonedWrites(olderThanMs: number): Promise<number> {
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    const folders = [this.root];
    for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
      let entries;
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch (error) {
        if (isNotFound(error)) continue; // no file stored yet, or the folder went away
        throw error;
      }
      for (const entry of entries) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) folders.push(path);
        else if (entry.isFile() && TEMPORARY_FILE.test(entry.name)) {
          try {
            if ((await stat(path)).mtimeMs >= cutoff) continue;
            await unlink(path);
            removed += 1;
          } catch (error) {
            if (!isNotFound(error)) throw error;
          }
        }
      }
    }
    return removed;
  }

  /** Absolute path of a key; the key check already forbids `..`, this re-checks the result. */
  private pathOf(key: string): string {
    assertStorageKey(key);
    const path = resolve(this.root, key);
    const inside = relative(this.root, path);
    if (!inside || inside.startsWith('..') || isAbsolute(inside)) {
      throw new InvalidStorageKeyError(key);
    }
    return path;
  }
}
