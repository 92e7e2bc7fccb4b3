import { Injectable } from '@nestjs/common';
import {
  Course,
  CourseOwner,
  CourseSession,
  SessionSeats,
  SessionTrainer,
} from '@oris/api/catalogue';
import type { AuthenticatedUser } from '@oris/api/platform';
import { EntityManager } from 'typeorm';
import { Enrollment } from '../entities/enrollment.entity';
import {
  EnrollmentErrorCode,
  EnrollmentException,
  enrollmentNotFound,
  sessionNotFound,
} from '../enrollment.exception';
import { isPublicSession, isSessionStaff, SessionStaff } from './staff-rules';

/** A session with what decides who may act on it. */
export interface SessionContext extends SessionStaff {
  session: CourseSession;
  course: Course;
}

export interface EnrollmentContext extends SessionContext {
  enrollment: Enrollment;
}

/**
 * Loads sessions and enrollments for what the caller wants to do. What the caller may not see
 * is "not found" (someone else's enrollment never leaks); what they may see but not change is
 * "forbidden". Writers lock the session row first (as `SessionSeats` does), then the enrollment,
 * so that every change of one session's seats is serialised in the same order.
 */
@Injectable()
export class EnrollmentAccess {
  constructor(private readonly seats: SessionSeats) {}

  async session(manager: EntityManager, sessionId: string): Promise<SessionContext> {
    const session = await manager.findOne(CourseSession, { where: { id: sessionId } });
    if (!session) throw sessionNotFound(sessionId);
    const course = await manager.findOneByOrFail(Course, { id: session.courseId });
    const owners = await manager.find(CourseOwner, {
      where: { courseId: course.id },
      select: { userId: true },
    });
    const trainers = await manager.find(SessionTrainer, {
      where: { sessionId },
      select: { userId: true },
    });
    return {
      session,
      course,
      ownerIds: owners.map((owner) => owner.userId),
      trainerIds: trainers.map((trainer) => trainer.userId),
    };
  }

  /** A session its staff act on: 403 for those who may see it, 404 for the others. */
  async sessionForStaff(
    manager: EntityManager,
    user: AuthenticatedUser,
    sessionId: string,
  ): Promise<SessionContext> {
    const context = await this.session(manager, sessionId);
    assertStaff(user, context);
    return context;
  }

  /** An enrollment its trainee or the session's staff may read; 404 for everyone else. */
  async enrollmentForReader(
    manager: EntityManager,
    user: AuthenticatedUser,
    enrollmentId: string,
  ): Promise<EnrollmentContext> {
    const enrollment = await manager.findOne(Enrollment, { where: { id: enrollmentId } });
    if (!enrollment) throw enrollmentNotFound(enrollmentId);
    const context = await this.session(manager, enrollment.sessionId);
    if (enrollment.userId !== user.id && !isSessionStaff(user, context)) {
      throw enrollmentNotFound(enrollmentId);
    }
    return { ...context, enrollment };
  }

  /**
   * An enrollment to change, in the caller's transaction: the session row is locked first, then
   * the enrollment row, and the enrollment is read again under the lock. `allowed` decides,
   * after visibility (404), whether this caller may make the change (403 otherwise).
   */
  async enrollmentForChange(
    manager: EntityManager,
    user: AuthenticatedUser,
    enrollmentId: string,
    allowed: (context: EnrollmentContext) => EnrollmentException | null,
  ): Promise<EnrollmentContext> {
    const ref = await manager.findOne(Enrollment, {
      where: { id: enrollmentId },
      select: { id: true, sessionId: true },
    });
    if (!ref) throw enrollmentNotFound(enrollmentId);
    await this.seats.lock(manager, ref.sessionId);
    const enrollment = await manager.findOne(Enrollment, {
      where: { id: enrollmentId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!enrollment) throw enrollmentNotFound(enrollmentId);
    const context = { ...(await this.session(manager, enrollment.sessionId)), enrollment };
    if (enrollment.userId !== user.id && !isSessionStaff(user, context)) {
      throw enrollmentNotFound(enrollmentId);
    }
    const refusal = allowed(context);
    if (refusal) throw refusal;
    return context;
  }
}

export function assertStaff(user: AuthenticatedUser, context: SessionContext): void {
  if (isSessionStaff(user, context)) return;
  if (!isPublicSession(context.course.status, context.session.status)) {
    throw sessionNotFound(context.session.id);
  }
  throw new EnrollmentException(EnrollmentErrorCode.NotSessionStaff);
}

/**
 * For `enrollmentForChange`: only the session's staff (the trainee gets 403), and never on their
 * own enrollment: a trainer enrolled in a session they teach is approved and validated by another.
 */
export const staffOnly =
  (user: AuthenticatedUser) =>
  (context: EnrollmentContext): EnrollmentException | null => {
    if (!isSessionStaff(user, context))
      return new EnrollmentException(EnrollmentErrorCode.NotSessionStaff);
    if (context.enrollment.userId === user.id)
      return new EnrollmentException(EnrollmentErrorCode.OwnRecord);
    return null;
  };
