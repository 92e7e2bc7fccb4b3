import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canMoveModule } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { Viewer } from '../common/access-rules';
import { renderMarkdown } from '../common/markdown';
import { sentFields } from '@oris/api/platform';
import { CatalogueErrorCode, CatalogueException } from '../catalogue.exception';
import { CourseAccess } from '../courses/course-access';
import { Course } from '../entities/course.entity';
import { CourseModuleEntity } from '../entities/course-module.entity';
import { CreateModuleDto, ModuleDto, UpdateModuleDto } from '../dto/module.dto';
import { CatalogueCache } from '../courses/catalogue-cache';

@Injectable()
export class ModulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CourseAccess,
    private readonly cache: CatalogueCache,
  ) {}

  /** Every module with its content: for the course's editors only. */
  async list(viewer: Viewer, courseId: string): Promise<ModuleDto[]> {
    const manager = this.dataSource.manager;
    const loaded = await this.access.forView(manager, viewer, courseId);
    this.access.assertEditable(viewer, loaded);
    const modules = await manager.find(CourseModuleEntity, {
      where: { courseId },
      order: { position: 'ASC' },
    });
    return modules.map(toModuleDto);
  }

  async create(viewer: Viewer, courseId: string, dto: CreateModuleDto): Promise<ModuleDto> {
    return this.cache.afterWrite(
      this.dataSource.transaction(async (manager) => {
        const { course } = await this.access.forEdit(manager, viewer, courseId);
        assertWritable(course);
        // The course row is locked, so two modules added at once cannot take the same position.
        const { last } = (await manager
          .createQueryBuilder(CourseModuleEntity, 'm')
          .select('COALESCE(MAX(m.position), 0)', 'last')
          .where('m.courseId = :courseId', { courseId })
          .getRawOne<{ last: number }>()) ?? { last: 0 };
        const content = dto.content ?? '';
        const module = await manager.save(
          manager.create(CourseModuleEntity, {
            courseId,
            position: Number(last) + 1,
            title: dto.title,
            content,
            contentHtml: renderMarkdown(content),
            estimatedMinutes: dto.estimatedMinutes,
            resources: plainResources(dto.resources ?? []),
            required: dto.required ?? true,
            status: 'draft',
          }),
        );
        return toModuleDto(module);
      }),
    );
  }

  async update(viewer: Viewer, moduleId: string, dto: UpdateModuleDto): Promise<ModuleDto> {
    return this.cache.afterWrite(
      this.dataSource.transaction(async (manager) => {
        const module = await this.loadForEdit(manager, viewer, moduleId);
        const { content, resources, ...fields } = dto;
        Object.assign(module, sentFields(fields));
        if (content !== undefined) {
          module.content = content;
          module.contentHtml = renderMarkdown(content);
        }
        if (resources !== undefined) module.resources = plainResources(resources);
        return toModuleDto(await manager.save(module));
      }),
    );
  }

  async publish(viewer: Viewer, moduleId: string): Promise<ModuleDto> {
    return this.cache.afterWrite(
      this.dataSource.transaction(async (manager) => {
        const module = await this.loadForEdit(manager, viewer, moduleId);
        if (!canMoveModule(module.status, 'published')) {
          throw new CatalogueException(
            CatalogueErrorCode.IllegalTransition,
            'This module is already published.',
          );
        }
        module.status = 'published';
        module.publishedAt = new Date();
        return toModuleDto(await manager.save(module));
      }),
    );
  }

  /**
   * Applies a new order given as the full list of the course's module ids, in one UPDATE: the
   * deferrable unique (course_id, position) is checked at the end of the statement, not per row.
   */
  async reorder(viewer: Viewer, courseId: string, moduleIds: string[]): Promise<ModuleDto[]> {
    return this.cache.afterWrite(
      this.dataSource.transaction(async (manager) => {
        const { course } = await this.access.forEdit(manager, viewer, courseId);
        assertWritable(course);
        const current = await manager.find(CourseModuleEntity, {
          where: { courseId },
          select: { id: true },
        });
        const known = new Set(current.map((module) => module.id));
        if (moduleIds.length !== known.size || !moduleIds.every((id) => known.has(id))) {
          throw new CatalogueException(
            CatalogueErrorCode.ModuleOrderMismatch,
            `The course has ${known.size} module(s); send each of their ids exactly once.`,
          );
        }
        await manager.query(
          `UPDATE course_module m SET position = o.position, updated_at = now()
           FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position)
          WHERE m.id = o.id AND m.course_id = $2 AND m.position <> o.position`,
          [moduleIds, courseId],
        );
        const modules = await manager.find(CourseModuleEntity, {
          where: { courseId },
          order: { position: 'ASC' },
        });
        return modules.map(toModuleDto);
      }),
    );
  }

  /**
   * A module as a learner reads it: only a published module of a published (or since archived)
   * course. Whether this learner may read it (their enrollment) is for the caller to check.
   */
  async getPublishedModuleForLearner(moduleId: string): Promise<ModuleDto> {
    const module = await this.dataSource
      .getRepository(CourseModuleEntity)
      .createQueryBuilder('m')
      .innerJoin(Course, 'c', 'c.id = m.courseId')
      .where('m.id = :moduleId', { moduleId })
      .andWhere(`m.status = 'published'`)
      .andWhere(`c.status IN ('published', 'archived')`)
      .getOne();
    if (!module) throw moduleNotFound(moduleId);
    return toModuleDto(module);
  }

  /** Locks the module's course first (same order as reorder and create), then reads the module. */
  private async loadForEdit(
    manager: EntityManager,
    viewer: Viewer,
    moduleId: string,
  ): Promise<CourseModuleEntity> {
    const ref = await manager.findOne(CourseModuleEntity, {
      where: { id: moduleId },
      select: { id: true, courseId: true },
    });
    if (!ref) throw moduleNotFound(moduleId);
    const { course } = await this.access.forEdit(manager, viewer, ref.courseId).catch((error) => {
      // A module of a course the caller may not see does not exist for them either.
      if (error instanceof CatalogueException && error.code === CatalogueErrorCode.CourseNotFound) {
        throw moduleNotFound(moduleId);
      }
      throw error;
    });
    assertWritable(course);
    return manager.findOneOrFail(CourseModuleEntity, { where: { id: moduleId } });
  }
}

export const toModuleDto = (module: CourseModuleEntity): ModuleDto => ({
  id: module.id,
  courseId: module.courseId,
  position: module.position,
  title: module.title,
  content: module.content,
  contentHtml: module.contentHtml,
  estimatedMinutes: module.estimatedMinutes,
  resources: module.resources,
  required: module.required,
  status: module.status,
  publishedAt: module.publishedAt?.toISOString() ?? null,
  createdAt: module.createdAt.toISOString(),
  updatedAt: module.updatedAt.toISOString(),
});

// Stored as JSON: plain objects only, and only the two known fields.
const plainResources = (resources: { title: string; url: string }[]) =>
  resources.map(({ title, url }) => ({ title, url }));

const assertWritable = (course: Course) => {
  if (course.status === 'archived') {
    throw new CatalogueException(
      CatalogueErrorCode.CourseArchived,
      'An archived course is read-only.',
    );
  }
};

const moduleNotFound = (id: string) =>
  new CatalogueException(CatalogueErrorCode.ModuleNotFound, `No module with id ${id}.`);
