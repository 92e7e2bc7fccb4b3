import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@oris/api/platform';
import {
  MATERIAL_FILE_TYPES,
  MATERIAL_MAX_BYTES,
  MATERIAL_PER_MODULE,
  parseVideoLink,
  sniffMediaType,
  type MaterialKind,
} from '@oris/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  AddVideoLinkDto,
  MaterialTitlesDto,
  UpdateMaterialDto,
  UploadMaterialQuery,
} from '../dto/material.dto';
import type { MaterialTitles } from '../entities/module-material.entity';
import { MaterialErrorCode, MaterialException } from '../material.exception';
import { MaterialAccess } from './material-access';
import { StoredMaterialFiles } from './stored-material-files';

/** The type and limit wording of a refused file, for the problem's detail. */
const ACCEPTED =
  'Accepted: PDF, PPTX/ODP slides, PNG/JPEG/GIF/WebP images, MP3/M4A/Ogg/WAV/FLAC audio, ' +
  'MP4/WebM video — recognised from the content, whatever the name or declared type.';

/**
 * Adds, retitles, reorders and removes a module's material (its course's owners and
 * administrators). A file's type is read from its bytes; its kind's size limit applies; it is
 * stored once per content.
 */
@Injectable()
export class MaterialWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: MaterialAccess,
    private readonly files: StoredMaterialFiles,
  ) {}

  async upload(
    user: AuthenticatedUser,
    moduleId: string,
    query: UploadMaterialQuery,
    bytes: Buffer,
  ): Promise<string> {
    if (bytes.length === 0) throw new MaterialException(MaterialErrorCode.EmptyFile);
    const sniffed = sniffMediaType(bytes);
    const kind = sniffed ? MATERIAL_FILE_TYPES[sniffed.mediaType] : undefined;
    if (!sniffed || !kind) {
      throw new MaterialException(MaterialErrorCode.UnsupportedFileType, ACCEPTED);
    }
    if (bytes.length > MATERIAL_MAX_BYTES[kind]) {
      throw new MaterialException(
        MaterialErrorCode.FileTooLarge,
        `A ${kind} file may be at most ${MATERIAL_MAX_BYTES[kind] / (1024 * 1024)} MiB.`,
      );
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = `material/${sha256}.${sniffed.extension}`;
    return this.dataSource.transaction(async (manager) => {
      const module = await this.access.moduleForEdit(manager, user, moduleId);
      const position = await this.nextPosition(manager, moduleId);
      await this.files.store(manager, key, bytes);
      return this.insert(manager, user, module.courseId, moduleId, position, kind, {
        titles: titlesOf({ fr: query.titleFr, ar: query.titleAr, en: query.titleEn }),
        file_key: key,
        file_name: query.fileName,
        file_sha256: sha256,
        file_size: bytes.length,
        media_type: sniffed.mediaType,
      });
    });
  }

  async addVideoLink(
    user: AuthenticatedUser,
    moduleId: string,
    dto: AddVideoLinkDto,
  ): Promise<string> {
    const link = parseVideoLink(dto.url);
    if (!link) {
      throw new MaterialException(
        MaterialErrorCode.UnknownVideoLink,
        'Give the address of a YouTube, Vimeo or Dailymotion video.',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const module = await this.access.moduleForEdit(manager, user, moduleId);
      const position = await this.nextPosition(manager, moduleId);
      return this.insert(manager, user, module.courseId, moduleId, position, 'video_link', {
        titles: titlesOf(dto.titles ?? {}),
        video_host: link.host,
        video_id: link.videoId,
      });
    });
  }

  async retitle(
    user: AuthenticatedUser,
    materialId: string,
    dto: UpdateMaterialDto,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const moduleId = await this.moduleIdOf(manager, user, materialId);
      await this.access.moduleForEdit(manager, user, moduleId);
      await manager.query(
        `UPDATE module_material SET titles = $2, updated_at = now() WHERE id = $1`,
        [materialId, JSON.stringify(titlesOf(dto.titles))],
      );
    });
  }

  /** A new order given as every piece of the module's material, once each: positions 1…n. */
  async reorder(user: AuthenticatedUser, moduleId: string, materialIds: string[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.access.moduleForEdit(manager, user, moduleId);
      const current: { id: string }[] = await manager.query(
        `SELECT id FROM module_material WHERE module_id = $1`,
        [moduleId],
      );
      const known = new Set(current.map((row) => row.id));
      if (materialIds.length !== known.size || !materialIds.every((id) => known.has(id))) {
        throw new MaterialException(
          MaterialErrorCode.MaterialOrderMismatch,
          `The module has ${known.size} piece(s) of material; send each of their ids exactly once.`,
        );
      }
      // The unique (module_id, position) is deferred: checked at commit, not per row.
      await manager.query(
        `UPDATE module_material m SET position = o.position, updated_at = now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position)
         WHERE m.id = o.id AND m.module_id = $2 AND m.position <> o.position`,
        [materialIds, moduleId],
      );
    });
  }

  /** Removes the row; its file goes too unless another row (another course's copy) names it. */
  async remove(user: AuthenticatedUser, materialId: string): Promise<void> {
    const key = await this.dataSource.transaction(async (manager) => {
      const moduleId = await this.moduleIdOf(manager, user, materialId);
      await this.access.moduleForEdit(manager, user, moduleId);
      // node-postgres answers a DELETE … RETURNING as [rows, affected count].
      const [deleted]: [{ file_key: string | null }[], number] = await manager.query(
        `DELETE FROM module_material WHERE id = $1 RETURNING file_key`,
        [materialId],
      );
      return deleted[0]?.file_key ?? null;
    });
    if (key) await this.files.release(key);
  }

  private async moduleIdOf(
    manager: EntityManager,
    user: AuthenticatedUser,
    materialId: string,
  ): Promise<string> {
    const { module } = await this.access.moduleOfMaterial(manager, user, materialId);
    return module.moduleId;
  }

  private async nextPosition(manager: EntityManager, moduleId: string): Promise<number> {
    const [{ count, last }]: { count: number; last: number }[] = await manager.query(
      `SELECT count(*)::int AS count, COALESCE(max(position), 0)::int AS last
       FROM module_material WHERE module_id = $1`,
      [moduleId],
    );
    if (count >= MATERIAL_PER_MODULE) {
      throw new MaterialException(
        MaterialErrorCode.TooMuchMaterial,
        `A module holds at most ${MATERIAL_PER_MODULE} pieces of material.`,
      );
    }
    return last + 1;
  }

  private async insert(
    manager: EntityManager,
    user: AuthenticatedUser,
    courseId: string,
    moduleId: string,
    position: number,
    kind: MaterialKind,
    columns: Record<string, unknown> & { titles: MaterialTitles },
  ): Promise<string> {
    const values: Record<string, unknown> = {
      course_id: courseId,
      module_id: moduleId,
      position,
      kind,
      created_by: user.id,
      ...columns,
      titles: JSON.stringify(columns.titles),
    };
    const names = Object.keys(values);
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO module_material (${names.join(', ')})
       VALUES (${names.map((_, index) => `$${index + 1}`).join(', ')}) RETURNING id`,
      Object.values(values),
    );
    return id;
  }
}

/** Only the languages given, as plain strings. */
function titlesOf(titles: MaterialTitlesDto | Record<string, string | undefined>): MaterialTitles {
  const result: MaterialTitles = {};
  for (const language of ['fr', 'ar', 'en'] as const) {
    const title = titles[language];
    if (typeof title === 'string' && title.length > 0) result[language] = title;
  }
  return result;
}
