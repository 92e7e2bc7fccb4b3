import { Injectable } from '@nestjs/common';
import { User } from '@oris/api/identity';
import { EmailOutbox } from '@oris/api/notifications';
import type { Locale } from '@oris/shared/domain';
import { EntityManager } from 'typeorm';
import { AssignmentSubmission } from '../entities/assignment-submission.entity';
import { Assignment } from '../entities/assignment.entity';

const INTL_LOCALE: Record<Locale, string> = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' };

/** "15 / 20 (75 %)" in the reader's language (Latin digits, as the rest of the platform). */
export function gradeWords(
  points: number,
  maxPoints: number,
  percent: number,
  locale: Locale,
): string {
  const number = new Intl.NumberFormat(`${INTL_LOCALE[locale]}-u-nu-latn`, {
    maximumFractionDigits: 2,
  });
  const share = new Intl.NumberFormat(`${INTL_LOCALE[locale]}-u-nu-latn`, {
    style: 'percent',
    maximumFractionDigits: 2,
  });
  return `${number.format(points)} / ${number.format(maxPoints)} (${share.format(percent / 100)})`;
}

/**
 * The email telling a trainee their feedback is there (published or returned), written to the
 * outbox in the grading transaction, in the trainee's language. A disabled account gets none.
 */
@Injectable()
export class FeedbackEmail {
  constructor(private readonly outbox: EmailOutbox) {}

  async write(
    manager: EntityManager,
    assignment: Assignment,
    submission: AssignmentSubmission,
    courseTitle: string,
  ): Promise<void> {
    const person = await manager.findOne(User, {
      where: { id: submission.userId },
      select: { id: true, email: true, fullName: true, locale: true, disabledAt: true },
    });
    if (!person || person.disabledAt) return;
    const returned = submission.status === 'returned';
    await this.outbox.add(manager, {
      to: person.email,
      template: 'assignment_feedback',
      locale: person.locale,
      userId: person.id,
      params: {
        fullName: person.fullName,
        courseTitle,
        assignmentTitle: assignment.title,
        grade: returned
          ? ''
          : gradeWords(
              submission.points ?? 0,
              submission.maxPoints ?? 0,
              submission.percent ?? 0,
              person.locale,
            ),
        returned: returned ? 'yes' : '',
        path: `/learning/${submission.enrollmentId}/modules/${assignment.moduleId}/assignment`,
      },
    });
  }

  /** After the commit: hands the written email to the queue (never throws, never waits). */
  dispatch(): void {
    this.outbox.dispatchPending();
  }
}
