import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { AuthenticatedUser, RequestValidationException } from '@oris/api/platform';
import { DataSource } from 'typeorm';
import { todayInMorocco } from '@oris/shared/domain';
import { EnrollmentAccess, staffOnly } from '../access/enrollment-access';
import { isAdmin } from '../access/staff-rules';
import { CompleteEnrollmentDto } from '../dto/complete-enrollment.dto';
import { EnrollmentDetailDto } from '../dto/enrollment.dto';
import { Enrollment } from '../entities/enrollment.entity';
import { EnrollmentErrorCode, EnrollmentException } from '../enrollment.exception';
import { EnrollmentCompleted, EnrollmentEvents } from '../events/enrollment-events';
import { EnrollmentReader } from '../reading/enrollment-reader';
import { decideCompletion, unmetCompletion, unmetCriteriaNames } from './completion-decision';
import { checkCompletion } from './completion-facts';

/**
 * The outcome of an enrollment, recorded by the session's staff: completed when the course's
 * rule is met (the call itself is the trainer's validation) or when an administrator attests the
 * completion of a session that has ended (see `decideCompletion`), or not completed. Completion
 * is what makes a person "trained": it records the day and tells the listeners after the commit.
 */
@Injectable()
export class CompletionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EnrollmentAccess,
    private readonly reader: EnrollmentReader,
    private readonly events: EnrollmentEvents,
    private readonly audit: AuditLog,
  ) {}

  async complete(
    user: AuthenticatedUser,
    enrollmentId: string,
    dto: CompleteEnrollmentDto,
  ): Promise<EnrollmentDetailDto> {
    const { detail, event } = await this.dataSource.transaction(async (manager) => {
      const context = await this.access.enrollmentForChange(
        manager,
        user,
        enrollmentId,
        staffOnly(user),
      );
      const { enrollment, session, course } = context;
      if (enrollment.status !== 'confirmed' && enrollment.status !== 'not_completed') {
        throw new EnrollmentException(
          EnrollmentErrorCode.IllegalTransition,
          `A ${enrollment.status} enrollment cannot be completed; only a confirmed (or not completed) one.`,
        );
      }
      const today = todayInMorocco();
      const completedOn = completionDay(user, dto.completedOn, session.startsOn, today);
      const { evaluation, check } = await checkCompletion(
        manager,
        course,
        enrollment.id,
        session.id,
      );
      const decision = decideCompletion(evaluation, {
        byAdministrator: isAdmin(user),
        sessionEndsOn: session.endsOn,
        today,
      });
      if (decision.outcome === 'refused') throw unmetCompletion(decision.unmet);
      const earlyReason = check.early
        ? earlyCompletionReason(dto, check.lastMeetingStartsAt)
        : null;
      const validatedAt = new Date();
      const attested = decision.outcome === 'attested';
      await manager.update(Enrollment, enrollment.id, {
        status: 'completed',
        completedOn,
        validatedBy: user.id,
        validatedAt,
        completionAttestedBy: attested ? user.id : null,
        completionAttestedAt: attested ? validatedAt : null,
        earlyCompletionReason: earlyReason,
      });
      if (earlyReason !== null) {
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'enrollment.early_completion',
          subjectType: 'enrollment',
          subjectId: enrollment.id,
          data: {
            sessionId: session.id,
            completedOn,
            // The reason stays on the enrollment: audit data never copies free text about a person.
            lastMeetingStartsAt: check.lastMeetingStartsAt,
          },
        });
      }
      if (attested) {
        await this.audit.record(manager, {
          actorId: user.id,
          action: 'enrollment.completion_attested',
          subjectType: 'enrollment',
          subjectId: enrollment.id,
          data: {
            sessionId: session.id,
            completedOn,
            unmet: unmetCriteriaNames(decision.unmet),
            via: 'api',
          },
        });
      }
      const updated = await manager.findOneByOrFail(Enrollment, { id: enrollment.id });
      const completed: EnrollmentCompleted = {
        type: 'EnrollmentCompleted',
        enrollmentId: enrollment.id,
        userId: enrollment.userId,
        sessionId: session.id,
        courseId: course.id,
        completedOn,
        validatedBy: user.id,
        occurredAt: validatedAt,
      };
      return {
        detail: await this.reader.detail(manager, { ...context, enrollment: updated }, user),
        event: completed,
      };
    });
    this.events.publish(event);
    return detail;
  }

  async markNotCompleted(
    user: AuthenticatedUser,
    enrollmentId: string,
  ): Promise<EnrollmentDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const context = await this.access.enrollmentForChange(
        manager,
        user,
        enrollmentId,
        staffOnly(user),
      );
      const { enrollment } = context;
      if (enrollment.status !== 'confirmed') {
        throw new EnrollmentException(
          EnrollmentErrorCode.IllegalTransition,
          `A ${enrollment.status} enrollment cannot be marked not completed; only a confirmed one.`,
        );
      }
      await manager.update(Enrollment, enrollment.id, {
        status: 'not_completed',
        validatedBy: user.id,
        validatedAt: new Date(),
      });
      const updated = await manager.findOneByOrFail(Enrollment, { id: enrollment.id });
      return this.reader.detail(manager, { ...context, enrollment: updated }, user);
    });
  }
}

/**
 * Before the session's last meeting, a completion needs the validator's reason (a trainee who
 * leaves early having done the work, an exam passed ahead): 409 without one.
 */
function earlyCompletionReason(
  dto: CompleteEnrollmentDto,
  lastMeetingStartsAt: string | null,
): string {
  const reason = dto.earlyCompletionReason ?? null;
  if (reason !== null) return reason;
  throw new EnrollmentException(
    EnrollmentErrorCode.CompletionBeforeLastMeeting,
    `The session’s last meeting starts at ${lastMeetingStartsAt}; give an earlyCompletionReason ` +
      'to validate the completion before it.',
  );
}

/** Today by default; administrators may record a past day (past cohorts), never a future one. */
function completionDay(
  user: AuthenticatedUser,
  requested: string | undefined,
  startsOn: string,
  today: string,
) {
  if (requested === undefined || requested === today) return today;
  const problem = (message: string) =>
    new RequestValidationException([{ field: 'completedOn', message }]);
  if (requested > today) throw problem('completedOn cannot be in the future');
  if (!isAdmin(user)) throw problem('only administrators record a past completion date');
  if (requested < startsOn) {
    throw problem(`completedOn cannot be before the session starts (${startsOn})`);
  }
  return requested;
}
