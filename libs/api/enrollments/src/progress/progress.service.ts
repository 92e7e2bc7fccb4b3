import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CatalogueException, CourseModuleEntity, ModulesService } from '@oris/api/catalogue';
import { AuthenticatedUser } from '@oris/api/platform';
import { DataSource, EntityManager } from 'typeorm';
import {
  EnrollmentModulesDto,
  LearnerModuleDto,
  ModuleCompletionDto,
  LearnerModuleOutlineDto,
} from '../dto/learner-module.dto';
import { Enrollment } from '../entities/enrollment.entity';
import { ModuleProgress } from '../entities/module-progress.entity';
import {
  EnrollmentErrorCode,
  EnrollmentException,
  enrollmentNotFound,
} from '../enrollment.exception';
import { progressOf } from './module-counts';

/** Only a seat opens the modules; a finished trainee keeps reading them. */
const LEARNING_STATUSES = ['confirmed', 'completed'];

/** The trainee's side of a course: its published modules, and marking them done. */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly modules: ModulesService,
  ) {}

  async outline(user: AuthenticatedUser, enrollmentId: string): Promise<EnrollmentModulesDto> {
    const manager = this.dataSource.manager;
    const { enrollment, courseId } = await this.learnerEnrollment(manager, user, enrollmentId);
    const modules = await manager.find(CourseModuleEntity, {
      where: { courseId, status: 'published' },
      order: { position: 'ASC' },
    });
    const done = await this.doneModules(manager, enrollment.id);
    return {
      enrollmentId: enrollment.id,
      progress: await progressOf(manager, enrollment.id),
      modules: modules.map((module) => toOutline(module, done.get(module.id))),
    };
  }

  async module(
    user: AuthenticatedUser,
    enrollmentId: string,
    moduleId: string,
  ): Promise<LearnerModuleDto> {
    const manager = this.dataSource.manager;
    const { enrollment, courseId } = await this.learnerEnrollment(manager, user, enrollmentId);
    const module = await this.courseModule(moduleId, courseId);
    const done = await this.doneModules(manager, enrollment.id);
    return {
      ...toOutline(module, done.get(module.id)),
      contentHtml: module.contentHtml,
      resources: module.resources,
    };
  }

  /** Idempotent: marking a module again keeps the first time it was done. */
  async complete(
    user: AuthenticatedUser,
    enrollmentId: string,
    moduleId: string,
  ): Promise<ModuleCompletionDto> {
    const manager = this.dataSource.manager;
    const { enrollment, courseId } = await this.learnerEnrollment(manager, user, enrollmentId);
    await this.courseModule(moduleId, courseId);
    await manager
      .createQueryBuilder()
      .insert()
      .into(ModuleProgress)
      .values({ enrollmentId: enrollment.id, moduleId })
      .orIgnore()
      .execute();
    const completedAt = (await this.doneModules(manager, enrollment.id)).get(moduleId) as Date;
    return {
      moduleId,
      completedAt: completedAt.toISOString(),
      progress: await progressOf(manager, enrollment.id),
    };
  }

  /**
   * The caller's own enrollment (anyone else's is 404, staff included: they do not follow
   * modules for the trainee), holding a seat.
   */
  private async learnerEnrollment(
    manager: EntityManager,
    user: AuthenticatedUser,
    enrollmentId: string,
  ): Promise<{ enrollment: Enrollment; courseId: string }> {
    const enrollment = await manager.findOne(Enrollment, { where: { id: enrollmentId } });
    if (!enrollment || enrollment.userId !== user.id) throw enrollmentNotFound(enrollmentId);
    if (!LEARNING_STATUSES.includes(enrollment.status)) {
      throw new EnrollmentException(
        EnrollmentErrorCode.SeatNotConfirmed,
        `This enrollment is ${enrollment.status}.`,
      );
    }
    const [{ courseId }]: { courseId: string }[] = await manager.query(
      `SELECT course_id AS "courseId" FROM course_session WHERE id = $1`,
      [enrollment.sessionId],
    );
    return { enrollment, courseId };
  }

  /** A published module of this course; any other (draft, another course's) does not exist here. */
  private async courseModule(moduleId: string, courseId: string) {
    const notFound = new EnrollmentException(
      EnrollmentErrorCode.ModuleNotFound,
      `No published module ${moduleId} in this course.`,
    );
    const module = await this.modules
      .getPublishedModuleForLearner(moduleId)
      .catch((error: unknown) => {
        throw error instanceof CatalogueException ? notFound : error;
      });
    if (module.courseId !== courseId) throw notFound;
    return module;
  }

  private async doneModules(
    manager: EntityManager,
    enrollmentId: string,
  ): Promise<Map<string, Date>> {
    const rows = await manager.find(ModuleProgress, { where: { enrollmentId } });
    return new Map(rows.map((row) => [row.moduleId, row.completedAt]));
  }
}

const toOutline = (
  module: Pick<CourseModuleEntity, 'id' | 'position' | 'title' | 'estimatedMinutes' | 'required'>,
  completedAt: Date | undefined,
): LearnerModuleOutlineDto => ({
  id: module.id,
  position: module.position,
  title: module.title,
  estimatedMinutes: module.estimatedMinutes,
  required: module.required,
  done: completedAt !== undefined,
  completedAt: completedAt?.toISOString() ?? null,
});
