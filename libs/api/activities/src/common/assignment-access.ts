import { Injectable } from '@nestjs/common';
import { Course, CourseModuleEntity, CourseSession } from '@oris/api/catalogue';
import { Enrollment } from '@oris/api/enrollments';
import type { AuthenticatedUser } from '@oris/api/platform';
import { EntityManager } from 'typeorm';
import {
  AssignmentErrorCode,
  AssignmentException,
  assignmentNotFound,
  submissionNotFound,
} from '../assignment.exception';
import { AssignmentSubmission } from '../entities/assignment-submission.entity';
import { Assignment } from '../entities/assignment.entity';
import { QuizAccess } from './quiz-access';

/** Statuses whose trainee reads the assignment and their submission; only `confirmed` submits. */
const LEARNING_STATUSES = ['confirmed', 'completed', 'not_completed'];

export interface AssignmentLearnerContext {
  enrollment: Enrollment;
  course: Course;
  module: CourseModuleEntity;
  assignment: Assignment;
}

export interface GradingContext {
  submission: AssignmentSubmission;
  assignment: Assignment;
  course: Course;
}

/**
 * Who may do what with assignments, on the quizzes' rules (`QuizAccess`): the course's trainers
 * and administrators edit and grade (403 on a published course for other staff, 404 on a draft);
 * a trainee reaches an assignment through their own enrollment only. A submission is never
 * shown to anyone else than its trainee and the course's graders: 404 for everyone else.
 */
@Injectable()
export class AssignmentAccess {
  constructor(private readonly quizzes: QuizAccess) {}

  moduleForEditor(manager: EntityManager, user: AuthenticatedUser, moduleId: string) {
    return this.quizzes.moduleForEditor(manager, user, moduleId);
  }

  /** A session of a course the caller grades: 404 for a session they may not see. */
  async sessionForGrader(
    manager: EntityManager,
    user: AuthenticatedUser,
    sessionId: string,
  ): Promise<{ session: CourseSession; course: Course }> {
    const session = await manager.findOne(CourseSession, { where: { id: sessionId } });
    if (!session) throw sessionNotFound(sessionId);
    const course = await this.quizzes
      .courseForEditor(manager, user, session.courseId)
      .catch((error: unknown) => {
        throw isNotFound(error) ? sessionNotFound(sessionId) : error;
      });
    return { session, course };
  }

  /** A submission the caller grades; anyone else (other trainers too) gets 404. */
  async submissionForGrader(
    manager: EntityManager,
    user: AuthenticatedUser,
    submissionId: string,
    lock = false,
  ): Promise<GradingContext> {
    const submission = await manager.findOne(AssignmentSubmission, {
      where: { id: submissionId },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!submission || submission.status === 'draft') throw submissionNotFound(submissionId);
    const assignment = await manager.findOneByOrFail(Assignment, { id: submission.assignmentId });
    const course = await this.quizzes
      .courseForEditor(manager, user, assignment.courseId)
      .catch(() => {
        throw submissionNotFound(submissionId);
      });
    return { submission, assignment, course };
  }

  /**
   * The caller's own enrollment and the assignment of a published module of its course. `lock`
   * takes the enrollment row FOR UPDATE: one trainee's changes are serialised.
   */
  async learner(
    manager: EntityManager,
    user: AuthenticatedUser,
    enrollmentId: string,
    moduleId: string,
    lock = false,
  ): Promise<AssignmentLearnerContext> {
    const enrollment = await manager.findOne(Enrollment, {
      where: { id: enrollmentId },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!enrollment || enrollment.userId !== user.id) {
      throw assignmentNotFound(`No assignment in module ${moduleId} for this enrollment.`);
    }
    if (!LEARNING_STATUSES.includes(enrollment.status)) {
      throw assignmentNotFound(`This enrollment is ${enrollment.status}.`);
    }
    const session = await manager.findOneByOrFail(CourseSession, { id: enrollment.sessionId });
    const module = await manager.findOne(CourseModuleEntity, {
      where: { id: moduleId, courseId: session.courseId, status: 'published' },
    });
    const assignment = module && (await manager.findOne(Assignment, { where: { moduleId } }));
    if (!module || !assignment) throw assignmentNotFound(`No assignment in module ${moduleId}.`);
    const course = await manager.findOneByOrFail(Course, { id: session.courseId });
    return { enrollment, course, module, assignment };
  }
}

const isNotFound = (error: unknown): boolean =>
  error instanceof Error && 'status' in error && (error as { status: number }).status === 404;

export const sessionNotFound = (id: string) =>
  new AssignmentException(AssignmentErrorCode.SessionNotFound, `No session with id ${id}.`);
