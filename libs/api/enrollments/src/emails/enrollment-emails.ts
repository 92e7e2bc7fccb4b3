import { Injectable } from '@nestjs/common';
import { User } from '@oris/api/identity';
import { EmailOutbox } from '@oris/api/notifications';
import type {
  EmailTemplateParams,
  OutboxEmailInput,
  PreparedOutboxEmail,
} from '@oris/api/notifications';
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
    if (!person) return;
    const input = this.input(person, session, email);
    if (input) await this.outbox.add(manager, input);
  }

  /**
   * The email to write for a batch (checked, not written; throws as `write` would), or null when
   * none is due: `writePrepared` then writes a batch's emails with one statement.
   */
  prepare(
    to: EmailRecipient,
    session: SessionFacts,
    email: EnrollmentEmail,
  ): PreparedOutboxEmail | null {
    if (session.endsOn < todayInMorocco()) return null;
    const input = this.input(to, session, email);
    return input ? this.outbox.prepare(input) : null;
  }

  async writePrepared(manager: EntityManager, emails: PreparedOutboxEmail[]): Promise<void> {
    await this.outbox.addPrepared(manager, emails);
  }

  private input(
    person: EmailRecipient,
    session: SessionFacts,
    email: EnrollmentEmail,
  ): OutboxEmailInput | null {
    if (person.disabledAt) return null;
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
    return {
      to: person.email,
      template: email.template,
      locale: person.locale,
      params,
      userId: person.id,
    };
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
