import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { AuthenticatedUser, FILE_STORAGE, type FileStorage } from '@oris/api/platform';
import { todayInMorocco } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import { PartnershipDto } from '../dto/partnership.dto';
import { PartnershipErrorCode, PartnershipException } from '../partnership.exception';
import { PartnershipReader } from './partnership-reader';
import { PartnershipWriter } from './partnership-writer';

/** What a file name may keep in a Content-Disposition header. */
const safeName = (name: string) =>
  name.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 150) || 'partnership';

/**
 * The signed document of a partnership (a PDF), kept in the file storage under its SHA-256;
 * the row records its name, hash and size. A new upload replaces the previous one.
 */
@Injectable()
export class PartnershipDocuments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly writer: PartnershipWriter,
    private readonly reader: PartnershipReader,
    private readonly audit: AuditLog,
  ) {}

  async store(
    user: AuthenticatedUser,
    id: string,
    bytes: Buffer,
    name: string | undefined,
  ): Promise<PartnershipDto> {
    if (bytes.length === 0 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new PartnershipException(PartnershipErrorCode.InvalidDocument);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = `partnerships/${id}/${sha256}.pdf`;
    // The file first: a row never names a file that is not there (a stray file is harmless).
    await this.reader.get(id);
    await this.storage.put(key, bytes);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.writer.lock(manager, id);
      const filename = safeName(name ?? `${before.title}.pdf`);
      await manager.query(
        `UPDATE partnership SET document_key = $2, document_name = $3, document_sha256 = $4,
                document_size = $5, updated_at = now()
          WHERE id = $1`,
        [id, key, filename.endsWith('.pdf') ? filename : `${filename}.pdf`, sha256, bytes.length],
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'partnership.document_stored',
        subjectType: 'partnership',
        subjectId: id,
        data: { sha256, size: bytes.length, replaced: before.documentSha256 },
      });
      return this.reader.get(id, todayInMorocco(), manager);
    });
  }

  async read(id: string): Promise<{ bytes: Buffer; filename: string }> {
    const document = (await this.reader.get(id)).document;
    const [row]: { key: string | null }[] = await this.dataSource.query(
      `SELECT document_key AS key FROM partnership WHERE id = $1`,
      [id],
    );
    if (!document || !row?.key) throw new PartnershipException(PartnershipErrorCode.NoDocument);
    return { bytes: await this.storage.get(row.key), filename: document.name };
  }
}
