import { Injectable } from '@nestjs/common';
import { AccountAccess } from '@oris/api/identity';
import type { AuthenticatedUser, StoredFileAnswer } from '@oris/api/platform';
import { videoEmbedUrl, videoPageUrl } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import type { MaterialDto } from '../dto/material.dto';
import { ModuleMaterial } from '../entities/module-material.entity';
import { materialNotFound } from '../material.exception';
import { FileLinks } from './file-links';
import { MaterialAccess } from './material-access';
import { StoredMaterialFiles } from './stored-material-files';

/** What the page shows itself; documents and slides are downloaded. */
const INLINE_KINDS = new Set(['image', 'audio', 'video']);

/** A module's material as its readers see it, and the files themselves. */
@Injectable()
export class MaterialReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: MaterialAccess,
    private readonly links: FileLinks,
    private readonly files: StoredMaterialFiles,
    private readonly accounts: AccountAccess,
  ) {}

  async list(user: AuthenticatedUser, moduleId: string): Promise<MaterialDto[]> {
    const manager = this.dataSource.manager;
    await this.access.module(manager, user, moduleId);
    const rows = await manager.find(ModuleMaterial, {
      where: { moduleId },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
    return rows.map((row) => this.toDto(row, user.id));
  }

  async one(user: AuthenticatedUser, materialId: string): Promise<MaterialDto> {
    const manager = this.dataSource.manager;
    await this.access.moduleOfMaterial(manager, user, materialId);
    const row = await manager.findOne(ModuleMaterial, { where: { id: materialId } });
    if (!row) throw materialNotFound(materialId);
    return this.toDto(row, user.id);
  }

  /**
   * A file for a signed-in caller, or for the holder of a signed address: either way the
   * person's right on the module is checked now, with their current roles.
   */
  async file(
    caller: AuthenticatedUser | null,
    materialId: string,
    token: string | undefined,
  ): Promise<StoredFileAnswer> {
    const user = caller ?? (await this.tokenHolder(materialId, token));
    if (!user) throw materialNotFound(materialId);
    const manager = this.dataSource.manager;
    await this.access.moduleOfMaterial(manager, user, materialId);
    const row = await manager.findOne(ModuleMaterial, { where: { id: materialId } });
    if (!row?.fileKey) throw materialNotFound(materialId);
    return {
      stored: this.files.source(row.fileKey, Number(row.fileSize ?? 0)),
      fileName: row.fileName ?? 'file',
      mediaType: row.mediaType ?? 'application/octet-stream',
      sha256: row.fileSha256 ?? '',
      disposition: INLINE_KINDS.has(row.kind) ? 'inline' : 'attachment',
    };
  }

  private async tokenHolder(
    materialId: string,
    token: string | undefined,
  ): Promise<AuthenticatedUser | null> {
    const userId = token ? this.links.holder(materialId, token) : null;
    if (!userId) return null;
    const standing = await this.accounts.standing(userId);
    if (!standing || standing.disabled) return null;
    return { id: userId, email: '', roles: standing.roles };
  }

  private toDto(row: ModuleMaterial, userId: string): MaterialDto {
    const video =
      row.videoHost && row.videoId ? { host: row.videoHost, videoId: row.videoId } : null;
    return {
      id: row.id,
      moduleId: row.moduleId,
      position: row.position,
      kind: row.kind,
      titles: row.titles,
      file: row.fileKey
        ? {
            name: row.fileName ?? 'file',
            size: row.fileSize ?? 0,
            mediaType: row.mediaType ?? 'application/octet-stream',
            sha256: row.fileSha256 ?? '',
            url: this.links.url(row.id, userId),
          }
        : null,
      video: video && {
        ...video,
        embedUrl: videoEmbedUrl(video),
        pageUrl: videoPageUrl(video),
      },
      createdAt: row.createdAt.toISOString(),
    };
  }
}
