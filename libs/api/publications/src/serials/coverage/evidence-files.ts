import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { FILE_STORAGE, type FileStorage } from '@oris/api/platform';

/**
 * Coverage evidence files (a saved page, an index's list export), kept through the platform's
 * file storage under their SHA-256: the same file uploaded twice, or by an import of 50,000 rows,
 * is stored once; a coverage row records only the hash.
 */
@Injectable()
export class EvidenceFiles {
  constructor(@Inject(FILE_STORAGE) private readonly storage: FileStorage) {}

  static keyOf(sha256: string): string {
    return `serial-evidence/${sha256.slice(0, 2)}/${sha256}`;
  }

  async store(bytes: Uint8Array): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = EvidenceFiles.keyOf(sha256);
    if (!(await this.storage.exists(key))) await this.storage.put(key, bytes);
    return sha256;
  }
}
