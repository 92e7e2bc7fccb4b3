import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUniqueViolation } from '@oris/api/platform';
import { DataSource } from 'typeorm';
import type { Viewer } from '../common/access-rules';
import { CatalogueErrorCode, CatalogueException } from '../catalogue.exception';
import type { DuplicateCourseDto } from '../dto/course-input.dto';
import { CatalogueCache } from './catalogue-cache';
import { CourseAccess } from './course-access';
import { CourseCopySteps } from './course-copy-steps';

/**
 * A new edition of a course: a draft copy with a new code (and optionally a new title), its
 * owners, its modules in order with their status, and whatever each feature registered a copy
 * step for (quizzes, material…), all in one transaction — never its sessions or enrollments.
 * The owners of the original and administrators may duplicate it.
 */
@Injectable()
export class CourseDuplication {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CourseAccess,
    private readonly steps: CourseCopySteps,
    private readonly cache: CatalogueCache,
  ) {}

  /** The new course's id. */
  async duplicate(
    viewer: NonNullable<Viewer>,
    courseId: string,
    dto: DuplicateCourseDto,
  ): Promise<string> {
    try {
      const id = await this.dataSource.transaction(async (manager) => {
        const { course } = await this.access.forEdit(manager, viewer, courseId);
        const [{ id: copyId }]: { id: string }[] = await manager.query(
          `INSERT INTO course (code, title, summary, description, description_html, theme, languages,
             delivery_mode, duration_hours, learning_outcomes, requires_modules,
             min_attendance_percent, requires_trainer_validation, baseline_visible_to_trainers, status)
           SELECT $2, COALESCE($3, title), summary, description, description_html, theme, languages,
             delivery_mode, duration_hours, learning_outcomes, requires_modules,
             min_attendance_percent, requires_trainer_validation, baseline_visible_to_trainers, 'draft'
           FROM course WHERE id = $1
           RETURNING id`,
          [course.id, dto.code, dto.title ?? null],
        );
        await manager.query(
          `INSERT INTO course_owner (course_id, user_id)
           SELECT $2, user_id FROM course_owner WHERE course_id = $1`,
          [course.id, copyId],
        );
        const modules: { from: string; to: string }[] = await manager.query(
          `WITH source AS (
             SELECT id, gen_random_uuid() AS copy_id FROM course_module WHERE course_id = $1
           ), inserted AS (
             INSERT INTO course_module (id, course_id, position, title, content, content_html,
               estimated_minutes, resources, required, status, published_at)
             SELECT s.copy_id, $2, m.position, m.title, m.content, m.content_html,
               m.estimated_minutes, m.resources, m.required, m.status, m.published_at
             FROM course_module m JOIN source s ON s.id = m.id
             RETURNING id
           )
           SELECT s.id AS "from", s.copy_id AS "to" FROM source s JOIN inserted i ON i.id = s.copy_id`,
          [course.id, copyId],
        );
        const moduleIds = new Map(modules.map((module) => [module.from, module.to]));
        for (const step of this.steps.all()) {
          await step.copy(manager, { courseId: course.id }, { courseId: copyId }, moduleIds);
        }
        return copyId;
      });
      this.cache.invalidate();
      return id;
    } catch (error) {
      if (isUniqueViolation(error, 'course_code_key')) {
        throw new CatalogueException(CatalogueErrorCode.CourseCodeTaken);
      }
      throw error;
    }
  }
}
