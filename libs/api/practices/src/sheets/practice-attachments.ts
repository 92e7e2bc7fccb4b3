import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
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
import { checkPrecondition } from './practice-writer';
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
  private readonly logger = new Logger(PracticeAttachments.name);

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
   * Removes a file from the sheet's working state: a version (`attachment_removed`), like an
   * upload, under the same rules (not in review nor archived; a published sheet becomes a draft
   * again while the public keeps its published version, files included). The row stays, marked
   * removed, so that the versions that listed it still name it; the stored bytes go only when no
   * live file of the sheet and no published version uses them (`releaseFile`, after the commit).
   */
  async remove(
    user: AuthenticatedUser,
    id: string,
    attachmentId: string,
    ifMatch: number | undefined,
  ): Promise<void> {
    const key = await this.dataSource.transaction(async (manager) => {
      const sheet = await this.snapshots.lock(manager, id);
      if (ifMatch === undefined) {
        throw new PracticeException(
          PracticeErrorCode.VersionRequired,
          'Send the version you removed the file from: If-Match: "<version>".',
        );
      }
      checkPrecondition(sheet.revision, { ifMatch });
      const rows: { file_key: string; sha256: string }[] = await manager.query(
        `SELECT file_key, sha256 FROM practice_attachment
         WHERE id = $1 AND sheet_id = $2 AND removed_at IS NULL`,
        [attachmentId, id],
      );
      if (!rows[0]) {
        throw new PracticeException(
          PracticeErrorCode.AttachmentNotFound,
          `No attachment ${attachmentId}.`,
        );
      }
      if (sheet.status === 'in_review' || sheet.status === 'archived') {
        throw new PracticeException(
          PracticeErrorCode.NotEditable,
          sheet.status === 'in_review'
            ? 'The sheet is in review: a reviewer returns it to draft before it changes.'
            : 'The sheet is archived: reopen it first.',
        );
      }
      await manager.query(`UPDATE practice_attachment SET removed_at = now() WHERE id = $1`, [
        attachmentId,
      ]);
      if (sheet.status === 'published') {
        await manager.query(`UPDATE practice_sheet SET status = 'draft' WHERE id = $1`, [id]);
      }
      await this.snapshots.addAuthor(manager, id, user.id);
      await this.snapshots.record(manager, id, user, 'attachment_removed', {
        attachmentId,
        sha256: rows[0].sha256,
      });
      return rows[0].file_key;
    });
    // The removal stands even if the storage fails now: a file left behind harms nobody.
    await this.releaseFile(id, key).catch((error: unknown) =>
      this.logger.warn(`Stored file ${key} kept: ${String(error)}`),
    );
  }

  /**
   * After a removal has committed: deletes the stored bytes unless a live file of the sheet has
   * the same content (the key is content-addressed) or a published version lists a file with it
   * (the public may be reading that version, and a published edition stays whole). Under the
   * sheet's lock, which an upload of the same bytes takes before it writes them.
   */
  private async releaseFile(id: string, key: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.snapshots.lock(manager, id);
      const [{ used }]: { used: boolean }[] = await manager.query(
        `SELECT EXISTS (
             SELECT 1 FROM practice_attachment WHERE sheet_id = $1 AND file_key = $2 AND removed_at IS NULL
           ) OR EXISTS (
             SELECT 1 FROM practice_version v
             CROSS JOIN LATERAL jsonb_array_elements(v.snapshot->'attachments') AS file
             JOIN practice_attachment a ON a.id = (file->>'id')::uuid
             WHERE v.sheet_id = $1 AND v.action = 'published' AND a.file_key = $2
           ) AS used`,
        [id, key],
      );
      if (!used) await this.storage.delete(key);
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
