import { Injectable } from '@nestjs/common';
import { seatsLeft } from '@oris/shared/domain';
import type { SessionStatus } from '@oris/shared/domain';
import { EntityManager } from 'typeorm';
import { CatalogueErrorCode, CatalogueException } from '../catalogue.exception';
import { CourseSession } from '../entities/course-session.entity';

export interface SessionSeatState {
  id: string;
  courseId: string;
  status: SessionStatus;
  capacity: number;
  confirmedCount: number;
  seatsLeft: number;
  approvalRequired: boolean;
  startsOn: string;
  endsOn: string;
  enrollmentOpensOn: string;
  enrollmentClosesOn: string;
}

/**
 * The seat counter of a session, for the enrollment feature. Every method runs in the caller's
 * transaction: the session row lock serialises enrollments of one session, and the CHECK
 * `confirmed_count <= capacity` makes overbooking impossible even for a buggy caller.
 */
@Injectable()
export class SessionSeats {
  /** Locks the session row until the transaction ends and returns its seat state. */
  async lock(manager: EntityManager, sessionId: string): Promise<SessionSeatState> {
    const session = await manager.findOne(CourseSession, {
      where: { id: sessionId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!session) {
      throw new CatalogueException(
        CatalogueErrorCode.SessionNotFound,
        `No session with id ${sessionId}.`,
      );
    }
    return {
      id: session.id,
      courseId: session.courseId,
      status: session.status,
      capacity: session.capacity,
      confirmedCount: session.confirmedCount,
      seatsLeft: seatsLeft(session.capacity, session.confirmedCount),
      approvalRequired: session.approvalRequired,
      startsOn: session.startsOn,
      endsOn: session.endsOn,
      enrollmentOpensOn: session.enrollmentOpensOn,
      enrollmentClosesOn: session.enrollmentClosesOn,
    };
  }

  /**
   * Takes `count` confirmed seats (one by default) if that many are left; false, taking none,
   * when the session has fewer.
   */
  async take(manager: EntityManager, sessionId: string, count = 1): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(CourseSession)
      .set({ confirmedCount: () => 'confirmed_count + :count' })
      .where('id = :sessionId AND confirmed_count + :count <= capacity', { sessionId, count })
      .setParameter('count', count)
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Gives a confirmed seat back (withdrawal); false if none was taken. */
  async release(manager: EntityManager, sessionId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(CourseSession)
      .set({ confirmedCount: () => 'confirmed_count - 1' })
      .where('id = :sessionId AND confirmed_count > 0', { sessionId })
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
