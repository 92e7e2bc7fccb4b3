import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  FILE_STORAGE,
  RequestValidationException,
  type AuthenticatedUser,
  type FileStorage,
} from '@oris/api/platform';
import { PRACTICE_LIMITS, type Locale, type PracticeSnapshot } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import type { PracticeAttachmentQuery } from '../dto/practice-list.query';
import { PracticeErrorCode, PracticeException } from '../practices.exception';
import {
  isPracticeStaff,
  PRACTICE_FILE_MAX_BYTES,
  PRACTICE_FILE_TYPES,
  uploadProblem,
} from '../rules/practice-rules';
import { PracticeSnapshots } from './practice-snapshots';

export interface AttachmentFile {
  bytes: Buffer;
  fileName: string;
  mediaType: string;
  sha256: string;
}

/**
 * A sheet's attachments and images. The bytes go to the platform's FileStorage under
 * `practices/<sheet>/<sha256>.<ext>` (content-addressed) before the row; adding one is a change
 * of the sheet (a version). The public downloads only the files of the version it reads.
 */
@Injectable()
export class PracticeAttachments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly snapshots: PracticeSnapshots,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async add(
    user: AuthenticatedUser,
    id: string,
    query: PracticeAttachmentQuery,
    bytes: Buffer,
  ): Promise<string> {
    const kind = query.kind ?? 'attachment';
    const problem = uploadProblem(kind, query.mediaType, bytes);
    if (problem === 'empty') throw new PracticeException(PracticeErrorCode.EmptyFile);
    if (problem === 'too_large') {
      throw new PracticeException(
        PracticeErrorCode.FileTooLarge,
        `An ${kind} is at most ${PRACTICE_FILE_MAX_BYTES[kind] / (1024 * 1024)} MiB.`,
      );
    }
    if (problem === 'unsupported') {
      throw new PracticeException(
        PracticeErrorCode.UnsupportedFileType,
        `Accepted for an ${kind}: ${Object.entries(PRACTICE_FILE_TYPES)
          .filter(([, type]) => type.kinds.includes(kind))
          .map(([mediaType]) => mediaType)
          .join(', ')}; the content must match the declared type.`,
      );
    }
    const altText: Partial<Record<Locale, string>> = Object.fromEntries(
      (
        [
          ['fr', query.altFr],
          ['ar', query.altAr],
          ['en', query.altEn],
        ] as const
      )
        .filter(([, text]) => !!text?.trim())
        .map(([language, text]) => [language, text?.trim()]),
    );
    const type = PRACTICE_FILE_TYPES[query.mediaType];
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return this.dataSource.transaction(async (manager) => {
      const sheet = await this.snapshots.lock(manager, id);
      if (kind === 'image' && !altText[sheet.original_language]) {
        const field = `alt${sheet.original_language[0].toUpperCase()}${sheet.original_language[1]}`;
        throw new RequestValidationException([
          {
            field,
            message: `${field}: an image needs its alternative text in the original language`,
          },
        ]);
      }
      if (sheet.status === 'in_review' || sheet.status === 'archived') {
        throw new PracticeException(PracticeErrorCode.NotEditable);
      }
      const [{ count }]: { count: number }[] = await manager.query(
        `SELECT count(*)::int AS count FROM practice_attachment WHERE sheet_id = $1 AND removed_at IS NULL`,
        [id],
      );
      if (count >= PRACTICE_LIMITS.attachmentsMax) {
        throw new PracticeException(PracticeErrorCode.TooManyAttachments);
      }
      const key = `practices/${id}/${sha256}.${type.extension}`;
      // Content-addressed: storing the same bytes twice writes the same file.
      await this.storage.put(key, bytes);
      const [{ id: attachmentId }]: { id: string }[] = await manager.query(
        `INSERT INTO practice_attachment (sheet_id, kind, file_key, file_name, sha256, size, media_type, alt_text, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          id,
          kind,
          key,
          query.fileName,
          sha256,
          bytes.length,
          query.mediaType,
          JSON.stringify(altText),
          user.id,
        ],
      );
      if (sheet.status === 'published') {
        await manager.query(`UPDATE practice_sheet SET status = 'draft' WHERE id = $1`, [id]);
      }
      await this.snapshots.addAuthor(manager, id, user.id);
      await this.snapshots.record(manager, id, user, 'attachment_added', {
        attachmentId,
        sha256,
      });
      return attachmentId;
    });
  }

  /**
   * The file, for staff any attachment of the sheet, for anyone else only one of the version
   * the public reads (404 otherwise).
   */
  async download(
    viewer: AuthenticatedUser | null,
    id: string,
    attachmentId: string,
  ): Promise<AttachmentFile> {
    const notFound = () =>
      new PracticeException(PracticeErrorCode.AttachmentNotFound, `No attachment ${attachmentId}.`);
    const rows: {
      file_key: string;
      file_name: string;
      media_type: string;
      sha256: string;
      removed: boolean;
      public_snapshot: PracticeSnapshot | null;
    }[] = await this.dataSource.query(
      `SELECT a.file_key, a.file_name, a.media_type, a.sha256, a.removed_at IS NOT NULL AS removed,
         (SELECT v.snapshot FROM practice_version v WHERE v.sheet_id = s.id AND v.number = s.public_version) AS public_snapshot
       FROM practice_attachment a JOIN practice_sheet s ON s.id = a.sheet_id
       WHERE a.id = $1 AND a.sheet_id = $2`,
      [attachmentId, id],
    );
    const row = rows[0];
    if (!row) throw notFound();
    const visible = isPracticeStaff(viewer)
      ? !row.removed
      : !!row.public_snapshot?.attachments.some((file) => file.id === attachmentId);
    if (!visible) throw notFound();
    return {
      bytes: await this.storage.get(row.file_key),
      fileName: row.file_name,
      mediaType: row.media_type,
      sha256: row.sha256,
    };
  }
}
