import { Injectable } from '@nestjs/common';
import { SessionSeats } from '@oris/api/catalogue';
import type { SessionStatus } from '@oris/shared/domain';
import { EntityManager } from 'typeorm';
import { EnrollmentEmails, sessionFacts } from '../emails/enrollment-emails';
import { Enrollment } from '../entities/enrollment.entity';
import { firstWaiting } from './waitlist';

export interface PromotingSession {
  id: string;
  status: SessionStatus;
  title: string;
  startsOn: string;
  endsOn: string;
}

/**
 * Gives a session's free seats to the people waiting, lowest ticket first, and emails each one
 * "promoted" through the outbox. The caller holds the session's row lock, so the seats freed by a
 * withdrawal or added by a capacity raise cannot be taken by anyone else first; the waitlist is
 * served the same way whatever freed the seats.
 */
@Injectable()
export class WaitlistPromotion {
  constructor(
    private readonly seats: SessionSeats,
    private readonly emails: EnrollmentEmails,
  ) {}

  /** How many were promoted; none once the session is completed or cancelled. */
  async fillFreeSeats(
    manager: EntityManager,
    session: PromotingSession,
    course: { title: string },
  ): Promise<number> {
    if (session.status === 'completed' || session.status === 'cancelled') return 0;
    const facts = sessionFacts(session, course);
    let promoted = 0;
    // One at a time, as a withdrawal does: `take` refuses once the session is full.
    for (;;) {
      const next = await firstWaiting(manager, session.id);
      if (!next || !(await this.seats.take(manager, session.id))) return promoted;
      await manager.update(Enrollment, next.id, {
        status: 'confirmed',
        waitlistTicket: null,
        confirmedAt: new Date(),
      });
      await this.emails.write(manager, next.userId, facts, { template: 'enrollment_promoted' });
      promoted++;
    }
  }
}
