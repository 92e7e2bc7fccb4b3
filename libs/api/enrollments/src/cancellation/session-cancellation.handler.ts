import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  Course,
  CourseSession,
  SessionCancellationListener,
  SessionHooks,
  SessionSeats,
} from '@oris/api/catalogue';
import { OPEN_ENROLLMENT_STATUSES } from '@oris/shared/domain';
import { EntityManager } from 'typeorm';
import { EnrollmentEmails, sessionFacts } from '../emails/enrollment-emails';

/**
 * When a session is cancelled, in the same transaction: its open enrollments are withdrawn
 * (reason `session_cancelled`, no actor: the session's cancellation did it), their seats are
 * given back, and every one of those people is emailed.
 */
@Injectable()
export class SessionCancellationHandler implements SessionCancellationListener, OnModuleInit {
  constructor(
    private readonly hooks: SessionHooks,
    private readonly seats: SessionSeats,
    private readonly emails: EnrollmentEmails,
  ) {}

  onModuleInit(): void {
    this.hooks.onCancelled(this);
  }

  async onSessionCancelled(manager: EntityManager, sessionId: string): Promise<void> {
    const closed: { userId: string; status: string }[] = await manager.query(
      `SELECT user_id AS "userId", status FROM enrollment
        WHERE session_id = $1 AND status = ANY($2) FOR UPDATE`,
      [sessionId, [...OPEN_ENROLLMENT_STATUSES]],
    );
    if (closed.length === 0) return;
    await manager.query(
      `UPDATE enrollment
          SET status = 'withdrawn', waitlist_ticket = NULL, withdrawal_reason = 'session_cancelled',
              withdrawn_at = now(), updated_at = now()
        WHERE session_id = $1 AND status = ANY($2)`,
      [sessionId, [...OPEN_ENROLLMENT_STATUSES]],
    );
    const confirmed = closed.filter((row) => row.status === 'confirmed').length;
    for (let seat = 0; seat < confirmed; seat++) await this.seats.release(manager, sessionId);
    const session = await manager.findOneByOrFail(CourseSession, { id: sessionId });
    const course = await manager.findOneByOrFail(Course, { id: session.courseId });
    const facts = sessionFacts(session, course);
    for (const { userId } of closed) {
      await this.emails.write(manager, userId, facts, { template: 'session_cancelled' });
    }
  }

  afterSessionCancelled(): void {
    this.emails.dispatch();
  }
}
