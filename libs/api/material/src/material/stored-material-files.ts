import { Inject, Injectable } from '@nestjs/common';
import { FILE_STORAGE, type FileStorage, type StoredFileSource } from '@oris/api/platform';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * The stored bytes of material, shared by every row naming the same content
 * (`material/<sha256>.<ext>`): an upload of bytes already stored writes nothing new, a duplicated
 * course points at the same file, and a file leaves the storage only with the last row naming it.
 * Every writer of a row naming a key holds the key's advisory lock until its commit, and the
 * removal counts the rows under that lock, so a file is never deleted under a row being written.
 */
@Injectable()
export class StoredMaterialFiles {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** Holds the key until the transaction ends. */
  async lock(manager: EntityManager, key: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `module-material-file:${key}`,
    ]);
  }

  /** Stores the bytes under their key unless they are there already (same key, same bytes). */
  async store(manager: EntityManager, key: string, bytes: Uint8Array): Promise<void> {
    await this.lock(manager, key);
    if (!(await this.storage.exists(key))) await this.storage.put(key, bytes);
  }

  get(key: string): Promise<Buffer> {
    return this.storage.get(key);
  }

  /** Where a download reads the file from, range by range (`sendStoredFile`). */
  source(key: string, size: number): StoredFileSource {
    return { storage: this.storage, key, size };
  }

  /** After a row's removal has committed: deletes the file if no row names it any more. */
  async release(key: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.lock(manager, key);
      const [{ used }]: { used: boolean }[] = await manager.query(
        `SELECT EXISTS (SELECT 1 FROM module_material WHERE file_key = $1) AS used`,
        [key],
      );
      if (!used) await this.storage.delete(key);
    });
  }
}
