import { Injectable, OnModuleInit } from '@nestjs/common';
import { Course, CourseSession, SessionHooks, SessionSeatsListener } from '@oris/api/catalogue';
import { EntityManager } from 'typeorm';
import { WaitlistPromotion } from '../admission/waitlist-promotion';
import { EnrollmentEmails } from '../emails/enrollment-emails';

/**
 * When a session gains seats (its capacity is raised), in the same transaction: the first
 * people waiting are confirmed, in waitlist order, up to the new free seats, and emailed.
 */
@Injectable()
export class SessionSeatsAddedHandler implements SessionSeatsListener, OnModuleInit {
  constructor(
    private readonly hooks: SessionHooks,
    private readonly promotion: WaitlistPromotion,
    private readonly emails: EnrollmentEmails,
  ) {}

  onModuleInit(): void {
    this.hooks.onSeatsAdded(this);
  }

  async onSessionSeatsAdded(manager: EntityManager, sessionId: string): Promise<void> {
    const session = await manager.findOneByOrFail(CourseSession, { id: sessionId });
    const course = await manager.findOneByOrFail(Course, { id: session.courseId });
    await this.promotion.fillFreeSeats(manager, session, course);
  }

  afterSessionSeatsAdded(): void {
    this.emails.dispatch();
  }
}
