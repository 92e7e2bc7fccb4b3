import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RequestValidationException, isUniqueViolation, sentFields } from '@oris/api/platform';
import { SearchIndexer } from '@oris/api/search';
import { canMoveCourse, todayInMorocco } from '@oris/shared/domain';
import type { CourseStatus } from '@oris/shared/domain';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { canEditCourse, isAdmin, Viewer } from '../common/access-rules';
import { renderMarkdown } from '../common/markdown';
import { People } from '../common/people';
import { CatalogueErrorCode, CatalogueException } from '../catalogue.exception';
import { CourseModuleEntity } from '../entities/course-module.entity';
import { CourseSession } from '../entities/course-session.entity';
import { toSessionBrief } from '../sessions/session-brief';
import { CourseAccess, LoadedCourse } from './course-access';
import { CourseOwner } from '../entities/course-owner.entity';
import { Course } from '../entities/course.entity';
import { CompletionRuleDto, CreateCourseDto, UpdateCourseDto } from '../dto/course-input.dto';
import { CourseDto } from '../dto/course.dto';
import { CatalogueCache } from './catalogue-cache';
import { reindexCourse } from './course-search';

/** Sessions that still have to happen or finish: they would be left orphaned by an archive. */
const LIVE_SESSION_STATUSES = ['planned', 'open', 'running'] as const;

const DEFAULT_COMPLETION_RULE: CompletionRuleDto = {
  requiredModules: true,
  minAttendancePercent: null,
  trainerValidation: false,
};

@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CourseAccess,
    private readonly people: People,
    private readonly cache: CatalogueCache,
    private readonly search: SearchIndexer,
  ) {}

  async create(viewer: NonNullable<Viewer>, dto: CreateCourseDto): Promise<CourseDto> {
    if (dto.ownerIds !== undefined && !isAdmin(viewer)) {
      throw new CatalogueException(CatalogueErrorCode.OwnersAdminOnly);
    }
    // A trainer owns what they create; an administrator names the owners (or owns it if a trainer).
    const ownerIds = dto.ownerIds ?? (viewer.roles.includes('trainer') ? [viewer.id] : []);
    const id = await this.withCodeCheck(() =>
      this.dataSource.transaction(async (manager) => {
        await this.assertTrainers(manager, ownerIds);
        const rule = dto.completionRule ?? DEFAULT_COMPLETION_RULE;
        const description = dto.description ?? '';
        const course = await manager.save(
          manager.create(Course, {
            code: dto.code,
            title: dto.title,
            summary: dto.summary,
            description,
            descriptionHtml: renderMarkdown(description),
            theme: dto.theme,
            languages: dto.languages,
            deliveryMode: dto.deliveryMode,
            durationHours: dto.durationHours,
            learningOutcomes: dto.learningOutcomes ?? [],
            ...completionColumns(rule),
            baselineVisibleToTrainers: dto.baselineVisibleToTrainers ?? false,
            status: 'draft',
          }),
        );
        await this.replaceOwners(manager, course.id, ownerIds);
        return course.id;
      }),
    );
    this.cache.invalidate();
    return this.get(viewer, id);
  }

  async update(
    viewer: NonNullable<Viewer>,
    courseId: string,
    dto: UpdateCourseDto,
  ): Promise<CourseDto> {
    if (dto.ownerIds !== undefined && !isAdmin(viewer)) {
      throw new CatalogueException(CatalogueErrorCode.OwnersAdminOnly);
    }
    await this.withCodeCheck(() =>
      this.dataSource.transaction(async (manager) => {
        const { course } = await this.access.forEdit(manager, viewer, courseId);
        assertNotArchived(course);
        const { ownerIds, completionRule, description, ...fields } = dto;
        Object.assign(course, sentFields(fields));
        if (description !== undefined) {
          course.description = description;
          course.descriptionHtml = renderMarkdown(description);
        }
        if (completionRule !== undefined) Object.assign(course, completionColumns(completionRule));
        await manager.save(course);
        if (ownerIds !== undefined) {
          await this.assertTrainers(manager, ownerIds);
          await this.replaceOwners(manager, course.id, ownerIds);
        }
        await reindexCourse(manager, this.search, course.id);
      }),
    );
    this.cache.invalidate();
    return this.get(viewer, courseId);
  }

  /** A course is published once it has something to follow: at least one published module. */
  async publish(viewer: NonNullable<Viewer>, courseId: string): Promise<CourseDto> {
    await this.dataSource.transaction(async (manager) => {
      const { course } = await this.access.forEdit(manager, viewer, courseId);
      assertTransition(course.status, 'published');
      const published = await manager.count(CourseModuleEntity, {
        where: { courseId, status: 'published' },
      });
      if (published === 0) {
        throw new CatalogueException(
          CatalogueErrorCode.NoPublishedModule,
          'A published course needs at least one published module.',
        );
      }
      await manager.update(Course, courseId, { status: 'published', publishedAt: new Date() });
      await reindexCourse(manager, this.search, courseId);
    });
    this.cache.invalidate();
    return this.get(viewer, courseId);
  }

  /**
   * Archiving hides the course from the catalogue and freezes it, so no session of it may still
   * be planned, open or running: its trainer completes them, or cancels them (which tells the
   * enrollees). The course's row lock keeps a new session from being planned meanwhile.
   */
  async archive(viewer: NonNullable<Viewer>, courseId: string): Promise<CourseDto> {
    await this.dataSource.transaction(async (manager) => {
      const { course } = await this.access.forEdit(manager, viewer, courseId);
      assertTransition(course.status, 'archived');
      const live = await manager.find(CourseSession, {
        where: { courseId, status: In([...LIVE_SESSION_STATUSES]) },
        select: { id: true, title: true, status: true, startsOn: true },
        order: { startsOn: 'ASC', id: 'ASC' },
      });
      if (live.length > 0) {
        throw new CatalogueException(
          CatalogueErrorCode.CourseHasLiveSessions,
          `${live.length} session(s) of this course are still planned, open or running; ` +
            `complete or cancel them before archiving: ` +
            live
              .map((s) => `“${s.title}” (${s.status}, starts ${s.startsOn}, id ${s.id})`)
              .join('; ') +
            '.',
        );
      }
      await manager.update(Course, courseId, { status: 'archived', archivedAt: new Date() });
      await this.search.remove(manager, 'course', courseId);
    });
    this.cache.invalidate();
    return this.get(viewer, courseId);
  }

  async get(viewer: Viewer, courseId: string): Promise<CourseDto> {
    const manager = this.dataSource.manager;
    const loaded = await this.access.forView(manager, viewer, courseId);
    return this.toDto(manager, viewer, loaded);
  }

  private async toDto(
    manager: EntityManager,
    viewer: Viewer,
    { course, ownerIds }: LoadedCourse,
  ): Promise<CourseDto> {
    const canEdit = canEditCourse(viewer, ownerIds);
    const [owners, modules, sessions] = await Promise.all([
      this.people.refs(manager, ownerIds),
      manager.find(CourseModuleEntity, {
        where: { courseId: course.id, ...(!canEdit && { status: 'published' as const }) },
        select: {
          id: true,
          position: true,
          title: true,
          estimatedMinutes: true,
          required: true,
          status: true,
        },
        order: { position: 'ASC' },
      }),
      manager
        .createQueryBuilder(CourseSession, 's')
        .where('s.courseId = :courseId', { courseId: course.id })
        .andWhere(`s.status IN ('planned', 'open', 'running')`)
        .andWhere('s.endsOn >= :today', { today: todayInMorocco() })
        .orderBy('s.startsOn', 'ASC')
        .addOrderBy('s.id', 'ASC')
        .getMany(),
    ]);
    return {
      id: course.id,
      code: course.code,
      title: course.title,
      summary: course.summary,
      description: course.description,
      descriptionHtml: course.descriptionHtml,
      theme: course.theme,
      languages: course.languages,
      deliveryMode: course.deliveryMode,
      durationHours: course.durationHours,
      learningOutcomes: course.learningOutcomes,
      completionRule: {
        requiredModules: course.requiresModules,
        minAttendancePercent: course.minAttendancePercent,
        trainerValidation: course.requiresTrainerValidation,
      },
      baselineVisibleToTrainers: course.baselineVisibleToTrainers,
      status: course.status,
      owners,
      modules: modules.map(({ id, position, title, estimatedMinutes, required, status }) => ({
        id,
        position,
        title,
        estimatedMinutes,
        required,
        status,
      })),
      upcomingSessions: sessions.map(toSessionBrief),
      canEdit,
      publishedAt: course.publishedAt?.toISOString() ?? null,
      archivedAt: course.archivedAt?.toISOString() ?? null,
      createdAt: course.createdAt.toISOString(),
      updatedAt: course.updatedAt.toISOString(),
    };
  }

  private async assertTrainers(manager: EntityManager, ids: string[]): Promise<void> {
    const notTrainers = await this.people.notTrainers(manager, ids);
    if (notTrainers.length > 0) {
      throw new RequestValidationException([
        { field: 'ownerIds', message: `not active trainers: ${notTrainers.join(', ')}` },
      ]);
    }
  }

  private async replaceOwners(
    manager: EntityManager,
    courseId: string,
    ownerIds: string[],
  ): Promise<void> {
    await manager.delete(CourseOwner, {
      courseId,
      ...(ownerIds.length > 0 && { userId: Not(In(ownerIds)) }),
    });
    if (ownerIds.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(CourseOwner)
        .values(ownerIds.map((userId) => ({ courseId, userId })))
        .orIgnore()
        .execute();
    }
  }

  private async withCodeCheck<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isUniqueViolation(error, 'course_code_key')) {
        throw new CatalogueException(CatalogueErrorCode.CourseCodeTaken);
      }
      throw error;
    }
  }
}

const completionColumns = (rule: CompletionRuleDto) => ({
  requiresModules: rule.requiredModules,
  minAttendancePercent: rule.minAttendancePercent,
  requiresTrainerValidation: rule.trainerValidation,
});

const assertNotArchived = (course: Course) => {
  if (course.status === 'archived') {
    throw new CatalogueException(
      CatalogueErrorCode.CourseArchived,
      'An archived course is read-only.',
    );
  }
};

const assertTransition = (from: CourseStatus, to: CourseStatus) => {
  if (!canMoveCourse(from, to)) {
    throw new CatalogueException(
      CatalogueErrorCode.IllegalTransition,
      `A ${from} course cannot become ${to}.`,
    );
  }
};
