import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, FILE_STORAGE, type FileStorage } from '@oris/api/platform';
import { dayInMorocco } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import { versionNotFound } from '../knowledge-tools.exception';
import { DOWNLOAD_WINDOW_HOURS, isRobot, visitorKey } from '../rules/tool-rules';

export interface DownloadRequest {
  toolId: string;
  versionId: string;
  address: string;
  userAgent: string | undefined;
  /** The browser journeys' header outside production: HeadlessChrome then counts. */
  journey: boolean;
  /** A resumed transfer (a range past the first byte): served, never counted. */
  resumed?: boolean;
}

export type Download =
  | { kind: 'file'; bytes: Buffer; fileName: string; mediaType: string; sha256: string }
  | { kind: 'link'; url: string };

/**
 * A visitor's download of a validated tool's version: the file's bytes or its address, and the
 * count. A robot is never counted; the same visitor (keyed hash of address and user agent) is
 * counted once per version within 24 hours, under a transaction-scoped advisory lock so two
 * simultaneous clicks count once too.
 */
@Injectable()
export class ToolDownloads {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async download(request: DownloadRequest): Promise<Download> {
    const rows: {
      file_key: string | null;
      file_name: string | null;
      media_type: string | null;
      file_sha256: string | null;
      url: string | null;
    }[] = await this.dataSource.query(
      `SELECT v.file_key, v.file_name, v.media_type, v.file_sha256, v.url
       FROM knowledge_tool_version v JOIN knowledge_tool t ON t.id = v.tool_id
       WHERE v.id = $1 AND v.tool_id = $2 AND t.status = 'validated'`,
      [request.versionId, request.toolId],
    );
    const version = rows[0];
    if (!version || (!version.file_key && !version.url)) throw versionNotFound(request.versionId);
    const download: Download = version.file_key
      ? {
          kind: 'file',
          bytes: await this.storage.get(version.file_key),
          fileName: version.file_name ?? 'file',
          mediaType: version.media_type ?? 'application/octet-stream',
          sha256: version.file_sha256 ?? '',
        }
      : { kind: 'link', url: version.url as string };
    if (!request.resumed) await this.count(request);
    return download;
  }

  /** Whether the download was counted (not a robot, not a repeat within the window). */
  async count(request: DownloadRequest, now = new Date()): Promise<boolean> {
    const allowHeadless = request.journey && !this.config.isProduction;
    if (isRobot(request.userAgent, allowHeadless)) return false;
    const visitor = visitorKey(this.config.JWT_SECRET, request.address, request.userAgent ?? '');
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 16))`, [
        `${request.versionId}:${visitor}`,
      ]);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO knowledge_tool_download (tool_id, version_id, day, visitor_hash, downloaded_at)
         SELECT $1, $2, $3, $4, $5
         WHERE NOT EXISTS (
           SELECT 1 FROM knowledge_tool_download
           WHERE version_id = $2 AND visitor_hash = $4
             AND downloaded_at > $5::timestamptz - make_interval(hours => $6))
         RETURNING id`,
        [request.toolId, request.versionId, dayInMorocco(now), visitor, now, DOWNLOAD_WINDOW_HOURS],
      );
      return inserted.length > 0;
    });
  }
}
