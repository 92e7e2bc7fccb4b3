import { Injectable } from '@nestjs/common';
import { User } from '@oris/api/identity';
import { EmailOutbox } from '@oris/api/notifications';
import type { EmailTemplateParams } from '@oris/api/notifications';
import { EntityManager } from 'typeorm';
import { todayInMorocco } from '@oris/shared/domain';

export type EmailRecipient = Pick<User, 'id' | 'email' | 'fullName' | 'locale' | 'disabledAt'>;

/** The columns of a person an email needs. */
export const RECIPIENT_COLUMNS = {
  id: true,
  email: true,
  fullName: true,
  locale: true,
  disabledAt: true,
} as const;

/** The session facts every enrollment email states. */
export interface SessionFacts {
  title: string;
  startsOn: string;
  endsOn: string;
  courseTitle: string;
}

export type EnrollmentEmail =
  | { template: 'enrollment_confirmed' }
  | { template: 'enrollment_pending' }
  | { template: 'enrollment_approved' }
  | { template: 'enrollment_promoted' }
  | { template: 'enrollment_waitlisted'; position: number }
  | { template: 'session_cancelled' };

/**
 * Enrollment emails through the outbox: written in the caller's transaction, in the recipient's
 * language, handed to the queue after the commit (`dispatch`). Nothing is sent about a session
 * already over (past cohorts recorded by an administrator).
 */
@Injectable()
export class EnrollmentEmails {
  constructor(private readonly outbox: EmailOutbox) {}

  /** `to` is the person's id, or the person already read (saves a query under the session lock). */
  async write(
    manager: EntityManager,
    to: string | EmailRecipient,
    session: SessionFacts,
    email: EnrollmentEmail,
  ): Promise<void> {
    if (session.endsOn < todayInMorocco()) return;
    const person =
      typeof to === 'string'
        ? await manager.findOne(User, { where: { id: to }, select: RECIPIENT_COLUMNS })
        : to;
    if (!person || person.disabledAt) return;
    const common = {
      fullName: person.fullName,
      courseTitle: session.courseTitle,
      sessionTitle: session.title,
      startsOn: session.startsOn,
    };
    const params: EmailTemplateParams[EnrollmentEmail['template']] =
      email.template === 'enrollment_waitlisted'
        ? { ...common, position: String(email.position) }
        : { ...common, endsOn: session.endsOn };
    await this.outbox.add(manager, {
      to: person.email,
      template: email.template,
      locale: person.locale,
      params,
      userId: person.id,
    });
  }

  /** After the commit: hands the written emails to the queue (never throws, never waits). */
  dispatch(): void {
    this.outbox.dispatchPending();
  }
}

export const sessionFacts = (
  session: { title: string; startsOn: string; endsOn: string },
  course: { title: string },
): SessionFacts => ({
  title: session.title,
  startsOn: session.startsOn,
  endsOn: session.endsOn,
  courseTitle: course.title,
});
