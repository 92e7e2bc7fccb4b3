import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditLog } from '@oris/api/identity';
import {
  FILE_STORAGE,
  isUniqueViolation,
  type AuthenticatedUser,
  type FileStorage,
} from '@oris/api/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { CreateVersionDto, UploadVersionQuery } from '../dto/tool.dto';
import {
  KnowledgeToolErrorCode,
  KnowledgeToolException,
  toolNotFound,
} from '../knowledge-tools.exception';
import { matchesMediaType, TOOL_FILE_TYPES } from '../rules/tool-rules';
import { SearchIndexer } from '@oris/api/search';
import { reindexTool } from './tool-search';

export interface UploadedFile {
  bytes: Buffer;
  mediaType: string;
}

/**
 * Records a tool's versions, append-only: a version is never edited (a correction is a new
 * number). A file goes to the platform's `FileStorage` under `knowledge-tools/<tool>/<sha256>.<ext>`
 * before its row is written; the row keeps its SHA-256, size and media type.
 */
@Injectable()
export class VersionRecorder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly search: SearchIndexer,
  ) {}

  async addLink(user: AuthenticatedUser, toolId: string, dto: CreateVersionDto): Promise<string> {
    return this.insert(user, toolId, {
      number: dto.number,
      releasedOn: dto.releasedOn,
      language: dto.language,
      note: dto.note ?? null,
      url: dto.url ?? null,
      file: null,
    });
  }

  async addFile(
    user: AuthenticatedUser,
    toolId: string,
    query: UploadVersionQuery,
    file: UploadedFile,
  ): Promise<string> {
    if (file.bytes.length === 0) throw new KnowledgeToolException(KnowledgeToolErrorCode.EmptyFile);
    const type = TOOL_FILE_TYPES[file.mediaType];
    if (!type || !matchesMediaType(file.mediaType, file.bytes)) {
      throw new KnowledgeToolException(
        KnowledgeToolErrorCode.UnsupportedFileType,
        `Accepted: ${Object.values(TOOL_FILE_TYPES)
          .map((accepted) => accepted.extension)
          .join(', ')}; the content must match the declared type.`,
      );
    }
    await this.requireTool(this.dataSource.manager, toolId);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const key = `knowledge-tools/${toolId}/${sha256}.${type.extension}`;
    // Content-addressed: storing the same bytes twice writes the same file.
    await this.storage.put(key, file.bytes);
    return this.insert(user, toolId, {
      number: query.number,
      releasedOn: query.releasedOn,
      language: query.language,
      note: query.note ?? null,
      url: null,
      file: {
        key,
        name: query.fileName,
        sha256,
        size: file.bytes.length,
        mediaType: file.mediaType,
      },
    });
  }

  private async requireTool(manager: EntityManager, toolId: string): Promise<void> {
    const rows = await manager.query(`SELECT id FROM knowledge_tool WHERE id = $1 FOR SHARE`, [
      toolId,
    ]);
    if (rows.length === 0) throw toolNotFound(toolId);
  }

  private async insert(
    user: AuthenticatedUser,
    toolId: string,
    version: {
      number: string;
      releasedOn: string;
      language: string;
      note: string | null;
      url: string | null;
      file: { key: string; name: string; sha256: string; size: number; mediaType: string } | null;
    },
  ): Promise<string> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.requireTool(manager, toolId);
        const [{ id }] = await manager.query(
          `INSERT INTO knowledge_tool_version
             (tool_id, number, released_on, language, file_key, file_name, file_sha256, file_size, media_type, url, note, recorded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
          [
            toolId,
            version.number,
            version.releasedOn,
            version.language,
            version.file?.key ?? null,
            version.file?.name ?? null,
            version.file?.sha256 ?? null,
            version.file?.size ?? null,
            version.file?.mediaType ?? null,
            version.url,
            version.note,
            user.id,
          ],
        );
        await manager.query(`UPDATE knowledge_tool SET updated_at = now() WHERE id = $1`, [toolId]);
        // A new release dates the tool in the search.
        await reindexTool(manager, this.search, toolId);
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'knowledge_tool.version_added',
          subjectType: 'knowledge_tool',
          subjectId: toolId,
          data: {
            versionId: id,
            number: version.number,
            releasedOn: version.releasedOn,
            sha256: version.file?.sha256 ?? null,
          },
        });
        return id as string;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'knowledge_tool_version_number_key')) {
        throw new KnowledgeToolException(
          KnowledgeToolErrorCode.VersionNumberTaken,
          `Version ${version.number} already exists.`,
        );
      }
      throw error;
    }
  }
}
