import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@oris/api/platform';
import type { EntityManager } from 'typeorm';
import {
  MaterialErrorCode,
  MaterialException,
  materialNotFound,
  moduleNotFound,
} from '../material.exception';

/** Enrollment statuses whose trainee reads the course's material (as with quizzes). */
const LEARNING_STATUSES = ['confirmed', 'completed', 'not_completed'];

export interface MaterialModule {
  moduleId: string;
  courseId: string;
  moduleStatus: string;
  courseStatus: string;
}

/** How the caller reaches a module's material: editing it, or reading it. */
export type MaterialRight = 'edit' | 'read';

/**
 * Who may do what with a module's material. The course's owners (holding the trainer role) and
 * administrators edit it; they, the trainers of the course's sessions, and trainees holding a
 * seat in one of its sessions read it — trainees only in a published module of a published (or
 * since archived) course. Anyone else: 404, whatever exists (a trainee of another course, a
 * visitor with a guessed id). A reader who tries to edit gets 403.
 */
@Injectable()
export class MaterialAccess {
  /** The module and the caller's right on it; 404 when they have none. */
  async module(
    manager: EntityManager,
    user: AuthenticatedUser,
    moduleId: string,
    lock = false,
  ): Promise<{ module: MaterialModule; right: MaterialRight }> {
    const [module]: MaterialModule[] = await manager.query(
      `SELECT m.id AS "moduleId", m.course_id AS "courseId", m.status AS "moduleStatus",
              c.status AS "courseStatus"
       FROM course_module m JOIN course c ON c.id = m.course_id
       WHERE m.id = $1 ${lock ? 'FOR UPDATE OF c' : ''}`,
      [moduleId],
    );
    if (!module) throw moduleNotFound(moduleId);
    const right = await this.rightOn(manager, user, module);
    if (!right) throw moduleNotFound(moduleId);
    return { module, right };
  }

  /** The module for a change: its course row locked (changes of one module's material are serialised). */
  async moduleForEdit(
    manager: EntityManager,
    user: AuthenticatedUser,
    moduleId: string,
  ): Promise<MaterialModule> {
    const { module, right } = await this.module(manager, user, moduleId, true);
    if (right !== 'edit') throw new MaterialException(MaterialErrorCode.NotCourseOwner);
    if (module.courseStatus === 'archived') {
      throw new MaterialException(
        MaterialErrorCode.CourseArchived,
        'An archived course is read-only.',
      );
    }
    return module;
  }

  /** The module a piece of material is in, for reading; 404 (as the material) otherwise. */
  async moduleOfMaterial(
    manager: EntityManager,
    user: AuthenticatedUser,
    materialId: string,
  ): Promise<{ module: MaterialModule; right: MaterialRight }> {
    const [row]: { moduleId: string }[] = await manager.query(
      `SELECT module_id AS "moduleId" FROM module_material WHERE id = $1`,
      [materialId],
    );
    if (!row) throw materialNotFound(materialId);
    return this.module(manager, user, row.moduleId).catch((error: unknown) => {
      throw error instanceof MaterialException && error.code === MaterialErrorCode.ModuleNotFound
        ? materialNotFound(materialId)
        : error;
    });
  }

  private async rightOn(
    manager: EntityManager,
    user: AuthenticatedUser,
    module: MaterialModule,
  ): Promise<MaterialRight | null> {
    if (user.roles.includes('admin')) return 'edit';
    const isTrainer = user.roles.includes('trainer');
    const [row]: { owner: boolean; trainer: boolean; seat: boolean }[] = await manager.query(
      `SELECT
         EXISTS (SELECT 1 FROM course_owner WHERE course_id = $1 AND user_id = $2) AS owner,
         EXISTS (SELECT 1 FROM session_trainer t JOIN course_session s ON s.id = t.session_id
                 WHERE s.course_id = $1 AND t.user_id = $2) AS trainer,
         EXISTS (SELECT 1 FROM enrollment e JOIN course_session s ON s.id = e.session_id
                 WHERE s.course_id = $1 AND e.user_id = $2 AND e.status = ANY($3)) AS seat`,
      [module.courseId, user.id, LEARNING_STATUSES],
    );
    if (isTrainer && row.owner) return 'edit';
    if (isTrainer && row.trainer) return 'read';
    const readable =
      module.moduleStatus === 'published' &&
      (module.courseStatus === 'published' || module.courseStatus === 'archived');
    return row.seat && readable ? 'read' : null;
  }
}
