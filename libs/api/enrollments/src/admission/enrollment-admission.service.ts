import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionSeats } from '@oris/api/catalogue';
import { AuthenticatedUser, isUniqueViolation } from '@oris/api/platform';
import { DataSource } from 'typeorm';
import { EnrollmentAccess, EnrollmentContext, staffOnly } from '../access/enrollment-access';
import { EnrollDto } from '../dto/enroll.dto';
import { EnrollmentDto } from '../dto/enrollment.dto';
import { EnrollmentEmails, sessionFacts } from '../emails/enrollment-emails';
import { Enrollment } from '../entities/enrollment.entity';
import { EnrollmentErrorCode, EnrollmentException } from '../enrollment.exception';
import { EnrollmentReader } from '../reading/enrollment-reader';
import { AdmissionBatch, AdmissionJob } from './admission-batch';
import { alreadyEnrolled } from './admission-refusals';
import { SessionBatches } from './session-batches';
import { nextWaitlistPlace } from './waitlist';

/**
 * Admission into a session: enrolling (oneself or someone else), and the approval queue.
 * Seats are taken under the session's row lock, so concurrent requests are served one at a
 * time in the order they get the lock: exactly `capacity` confirmed, the rest waitlisted.
 * Enrollment requests are admitted in batches per session (`AdmissionBatch`).
 */
@Injectable()
export class EnrollmentAdmission {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EnrollmentAccess,
    private readonly seats: SessionSeats,
    private readonly emails: EnrollmentEmails,
    private readonly reader: EnrollmentReader,
    private readonly batch: AdmissionBatch,
  ) {}

  /** Requests for one session wait their turn here rather than on a pooled connection. */
  private readonly batches = new SessionBatches<AdmissionJob, EnrollmentDto>((sessionId, jobs) =>
    this.batch.admit(sessionId, jobs),
  );

  async enroll(user: AuthenticatedUser, sessionId: string, dto: EnrollDto): Promise<EnrollmentDto> {
    let admitted: EnrollmentDto;
    try {
      admitted = await this.batches.submit(sessionId, { user, dto });
    } catch (error) {
      // The lock makes this unreachable in practice; the index makes it impossible.
      if (isActiveEnrollmentViolation(error)) throw alreadyEnrolled();
      throw error;
    }
    this.emails.dispatch();
    return admitted;
  }

  /** A pending request gets a seat, or the waitlist when the session is full. */
  async approve(user: AuthenticatedUser, enrollmentId: string): Promise<EnrollmentDto> {
    await this.dataSource.transaction(async (manager) => {
      const context = await this.access.enrollmentForChange(
        manager,
        user,
        enrollmentId,
        staffOnly(user),
      );
      const { enrollment, session, course } = assertPending(context, 'approved');
      const now = new Date();
      const facts = sessionFacts(session, course);
      if (await this.seats.take(manager, session.id)) {
        await manager.update(Enrollment, enrollment.id, {
          status: 'confirmed',
          confirmedAt: now,
          approvedBy: user.id,
          approvedAt: now,
        });
        await this.emails.write(manager, enrollment.userId, facts, {
          template: 'enrollment_approved',
        });
      } else {
        const place = await nextWaitlistPlace(manager, session.id);
        await manager.update(Enrollment, enrollment.id, {
          status: 'waitlisted',
          waitlistTicket: place.ticket,
          approvedBy: user.id,
          approvedAt: now,
        });
        await this.emails.write(manager, enrollment.userId, facts, {
          template: 'enrollment_waitlisted',
          position: place.position,
        });
      }
    });
    this.emails.dispatch();
    return this.reader.byId(this.dataSource.manager, enrollmentId, user);
  }

  async reject(user: AuthenticatedUser, enrollmentId: string): Promise<EnrollmentDto> {
    await this.dataSource.transaction(async (manager) => {
      const context = await this.access.enrollmentForChange(
        manager,
        user,
        enrollmentId,
        staffOnly(user),
      );
      const { enrollment } = assertPending(context, 'rejected');
      await manager.update(Enrollment, enrollment.id, {
        status: 'withdrawn',
        withdrawalReason: 'rejected',
        withdrawnBy: user.id,
        withdrawnAt: new Date(),
      });
    });
    return this.reader.byId(this.dataSource.manager, enrollmentId, user);
  }
}

function assertPending(context: EnrollmentContext, outcome: string): EnrollmentContext {
  if (context.enrollment.status !== 'pending') {
    throw new EnrollmentException(
      EnrollmentErrorCode.IllegalTransition,
      `Only a pending request can be ${outcome}; this enrollment is ${context.enrollment.status}.`,
    );
  }
  return context;
}

const isActiveEnrollmentViolation = (error: unknown): boolean =>
  isUniqueViolation(error, 'enrollment_active_key');
