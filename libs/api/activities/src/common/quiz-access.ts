import { Injectable } from '@nestjs/common';
import { Course, CourseModuleEntity, CourseOwner } from '@oris/api/catalogue';
import { Enrollment } from '@oris/api/enrollments';
import type { AuthenticatedUser } from '@oris/api/platform';
import { EntityManager } from 'typeorm';
import { Quiz } from '../entities/quiz.entity';
import { QuizErrorCode, QuizException } from '../quiz.exception';

/** Statuses whose trainee reads the quiz and their attempts; only `confirmed` starts one. */
const LEARNING_STATUSES = ['confirmed', 'completed', 'not_completed'];

export interface LearnerContext {
  enrollment: Enrollment;
  courseId: string;
  module: CourseModuleEntity;
  quiz: Quiz;
}

/**
 * Who may do what with quizzes. The course's owners (trainers) and administrators edit its bank
 * and quizzes and read the results: anyone else gets 403 on a published course, 404 on a draft
 * (drafts do not leak). A trainee reaches a quiz through their own enrollment only (anyone
 * else's is 404), in a published module of the enrollment's course.
 */
@Injectable()
export class QuizAccess {
  async courseForEditor(
    manager: EntityManager,
    user: AuthenticatedUser,
    courseId: string,
  ): Promise<Course> {
    const course = await manager.findOne(Course, { where: { id: courseId } });
    if (!course) throw courseNotFound(courseId);
    const owners = await manager.find(CourseOwner, {
      where: { courseId },
      select: { userId: true },
    });
    const isAdmin = user.roles.includes('admin');
    const isOwner =
      user.roles.includes('trainer') && owners.some((owner) => owner.userId === user.id);
    if (isAdmin || isOwner) return course;
    if (course.status !== 'published') throw courseNotFound(courseId);
    throw new QuizException(QuizErrorCode.NotCourseOwner);
  }

  async moduleForEditor(
    manager: EntityManager,
    user: AuthenticatedUser,
    moduleId: string,
  ): Promise<CourseModuleEntity> {
    const module = await manager.findOne(CourseModuleEntity, { where: { id: moduleId } });
    if (!module) {
      throw new QuizException(QuizErrorCode.ModuleNotFound, `No module with id ${moduleId}.`);
    }
    await this.courseForEditor(manager, user, module.courseId).catch((error: unknown) => {
      // A module of a course the caller may not see does not exist for them.
      throw error instanceof QuizException && error.code === QuizErrorCode.CourseNotFound
        ? new QuizException(QuizErrorCode.ModuleNotFound, `No module with id ${moduleId}.`)
        : error;
    });
    return module;
  }

  async quizForEditor(manager: EntityManager, user: AuthenticatedUser, quizId: string) {
    const quiz = await manager.findOne(Quiz, { where: { id: quizId } });
    if (!quiz) throw quizNotFound(quizId);
    await this.courseForEditor(manager, user, quiz.courseId);
    return quiz;
  }

  /**
   * The caller's own enrollment and the quiz of a published module of its course. `lock` takes
   * the enrollment row FOR UPDATE: one trainee's starts and submissions are serialised.
   */
  async learner(
    manager: EntityManager,
    user: AuthenticatedUser,
    enrollmentId: string,
    moduleId: string,
    lock = false,
  ): Promise<LearnerContext> {
    const enrollment = await manager.findOne(Enrollment, {
      where: { id: enrollmentId },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!enrollment || enrollment.userId !== user.id) {
      throw new QuizException(QuizErrorCode.EnrollmentNotFound, `No enrollment ${enrollmentId}.`);
    }
    if (!LEARNING_STATUSES.includes(enrollment.status)) {
      throw new QuizException(
        QuizErrorCode.SeatNotConfirmed,
        `This enrollment is ${enrollment.status}.`,
      );
    }
    const [row]: { courseId: string }[] = await manager.query(
      `SELECT course_id AS "courseId" FROM course_session WHERE id = $1`,
      [enrollment.sessionId],
    );
    const module = await manager.findOne(CourseModuleEntity, {
      where: { id: moduleId, courseId: row.courseId, status: 'published' },
    });
    const quiz = module && (await manager.findOne(Quiz, { where: { moduleId } }));
    if (!module || !quiz) {
      throw new QuizException(QuizErrorCode.QuizNotFound, `No quiz in module ${moduleId}.`);
    }
    return { enrollment, courseId: row.courseId, module, quiz };
  }
}

export const courseNotFound = (id: string) =>
  new QuizException(QuizErrorCode.CourseNotFound, `No course with id ${id}.`);

export const quizNotFound = (id: string) =>
  new QuizException(QuizErrorCode.QuizNotFound, `No quiz with id ${id}.`);
