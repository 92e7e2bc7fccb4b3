import { Injectable, OnModuleInit } from '@nestjs/common';
import { CourseCopySteps, type CourseCopyStep, type CourseRef } from '@oris/api/catalogue';
import type { EntityManager } from 'typeorm';
import { StoredMaterialFiles } from '../material/stored-material-files';

/**
 * Material's part of a course duplication: every piece of each module's material onto the copied
 * module, naming the same stored files (content-addressed, so no byte is copied). Each key is
 * locked until the duplication commits, so a removal in the original that commits meanwhile
 * sees the copy's rows and keeps the file.
 */
@Injectable()
export class MaterialCopier implements CourseCopyStep, OnModuleInit {
  constructor(
    private readonly steps: CourseCopySteps,
    private readonly files: StoredMaterialFiles,
  ) {}

  onModuleInit(): void {
    this.steps.register(this);
  }

  async copy(
    manager: EntityManager,
    from: CourseRef,
    to: CourseRef,
    moduleIds: ReadonlyMap<string, string>,
  ): Promise<void> {
    const keys: { file_key: string }[] = await manager.query(
      `SELECT DISTINCT file_key FROM module_material
       WHERE course_id = $1 AND file_key IS NOT NULL ORDER BY file_key`,
      [from.courseId],
    );
    for (const { file_key } of keys) await this.files.lock(manager, file_key);
    await manager.query(
      `INSERT INTO module_material (course_id, module_id, position, kind, titles, file_key,
         file_name, file_sha256, file_size, media_type, video_host, video_id, created_by)
       SELECT $2, m.copy_id, x.position, x.kind, x.titles, x.file_key, x.file_name,
         x.file_sha256, x.file_size, x.media_type, x.video_host, x.video_id, x.created_by
       FROM module_material x
       JOIN unnest($3::uuid[], $4::uuid[]) AS m(original_id, copy_id) ON m.original_id = x.module_id
       WHERE x.course_id = $1`,
      [from.courseId, to.courseId, [...moduleIds.keys()], [...moduleIds.values()]],
    );
  }
}
