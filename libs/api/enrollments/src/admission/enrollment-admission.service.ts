import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionSeats } from '@oris/api/catalogue';
import { User } from '@oris/api/identity';
import {
  AuthenticatedUser,
  RequestValidationException,
  isUniqueViolation,
} from '@oris/api/platform';
import { admissionRefusal, todayInMorocco } from '@oris/shared/domain';
import type { AdmissionRefusal, EnrollingActor } from '@oris/shared/domain';
import { DataSource, EntityManager, Not } from 'typeorm';
import {
  EnrollmentAccess,
  EnrollmentContext,
  SessionContext,
  staffOnly,
} from '../access/enrollment-access';
import { isAdmin, isPublicSession, isSessionStaff } from '../access/staff-rules';
import { EnrollDto } from '../dto/enroll.dto';
import { EnrollmentDto } from '../dto/enrollment.dto';
import {
  EmailRecipient,
  EnrollmentEmails,
  RECIPIENT_COLUMNS,
  sessionFacts,
} from '../emails/enrollment-emails';
import { Enrollment } from '../entities/enrollment.entity';
import { EnrollmentErrorCode, EnrollmentException, sessionNotFound } from '../enrollment.exception';
import { EnrollmentReader } from '../reading/enrollment-reader';
import { Outcome, SessionBatches } from './session-batches';
import { nextWaitlistPlace } from './waitlist';

/**
 * Admission into a session: enrolling (oneself or someone else), and the approval queue.
 * Seats are taken under the session's row lock, so concurrent requests are served one at a
 * time in the order they get the lock: exactly `capacity` confirmed, the rest waitlisted.
 */
@Injectable()
export class EnrollmentAdmission {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EnrollmentAccess,
    private readonly seats: SessionSeats,
    private readonly emails: EnrollmentEmails,
    private readonly reader: EnrollmentReader,
  ) {}

  /** Requests for one session wait their turn here rather than on a pooled connection. */
  private readonly batches = new SessionBatches<AdmissionJob, string>((_sessionId, jobs) =>
    this.admitBatch(jobs),
  );

  async enroll(user: AuthenticatedUser, sessionId: string, dto: EnrollDto): Promise<EnrollmentDto> {
    let id: string;
    try {
      // Who and what are read first, concurrently with other requests: only the locked part
      // waits its turn.
      const applicant = await this.applicant(this.dataSource.manager, user, sessionId, dto);
      id = await this.batches.submit(sessionId, { user, applicant, dto });
    } catch (error) {
      // The lock makes this unreachable in practice; the index makes it impossible.
      if (isActiveEnrollmentViolation(error)) throw alreadyEnrolled();
      throw error;
    }
    this.emails.dispatch();
    return this.reader.byId(this.dataSource.manager, id);
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
    return this.reader.byId(this.dataSource.manager, enrollmentId);
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
    return this.reader.byId(this.dataSource.manager, enrollmentId);
  }

  /**
   * Admits a batch of requests for one session in one transaction, in their order, each in a
   * savepoint of its own: a refused request (already enrolled, window closed…) undoes only itself.
   */
  private async admitBatch(jobs: AdmissionJob[]): Promise<Outcome<string>[]> {
    return this.dataSource.transaction(async (manager) => {
      const outcomes: Outcome<string>[] = [];
      for (const { user, applicant, dto } of jobs) {
        await manager.query('SAVEPOINT admission');
        try {
          const value = await this.admit(manager, user, applicant, dto);
          await manager.query('RELEASE SAVEPOINT admission');
          outcomes.push({ ok: true, value });
        } catch (error) {
          await manager.query('ROLLBACK TO SAVEPOINT admission');
          outcomes.push({ ok: false, error });
        }
      }
      return outcomes;
    });
  }

  /**
   * Who enrolls whom in what, read without the session's lock (so as to hold it as briefly as
   * possible); what may change meanwhile (status, window, seats) is checked again under the lock.
   */
  private async applicant(
    manager: EntityManager,
    user: AuthenticatedUser,
    sessionId: string,
    dto: EnrollDto,
  ): Promise<Applicant> {
    const context = await this.access.session(manager, sessionId);
    const staff = isSessionStaff(user, context);
    if (!staff && !isPublicSession(context.course.status, context.session.status)) {
      throw sessionNotFound(sessionId);
    }
    const personId = dto.userId ?? user.id;
    const onBehalf = personId !== user.id;
    if (onBehalf && !staff) throw new EnrollmentException(EnrollmentErrorCode.OnBehalfNotAllowed);
    if (!onBehalf && !user.roles.includes('trainee')) {
      throw new EnrollmentException(EnrollmentErrorCode.TraineeRoleRequired);
    }
    const actor: EnrollingActor = isAdmin(user) ? 'admin' : onBehalf ? 'trainer' : 'self';
    const courseStatus = context.course.status;
    if (courseStatus === 'draft' || (courseStatus === 'archived' && actor !== 'admin')) {
      throw new EnrollmentException(
        EnrollmentErrorCode.CourseNotPublished,
        `The course is ${courseStatus}: its sessions take no enrollment.`,
      );
    }
    const person = await manager.findOne(User, {
      where: { id: personId },
      select: { ...RECIPIENT_COLUMNS, regionCode: true },
    });
    if (!person || person.disabledAt) {
      throw new RequestValidationException([
        { field: 'userId', message: 'no active person has this id' },
      ]);
    }
    return { context, person, actor };
  }

  private async admit(
    manager: EntityManager,
    user: AuthenticatedUser,
    { context, person, actor }: Applicant,
    dto: EnrollDto,
  ): Promise<string> {
    const sessionId = context.session.id;
    const personId = person.id;
    const seat = await this.seats.lock(manager, sessionId);
    const refusal = admissionRefusal(
      { status: seat.status, opensOn: seat.enrollmentOpensOn, closesOn: seat.enrollmentClosesOn },
      actor,
      todayInMorocco(),
    );
    if (refusal) throw refused(refusal);
    const existing = await manager.findOne(Enrollment, {
      where: { sessionId, userId: personId, status: Not('withdrawn' as const) },
      select: { id: true, status: true },
    });
    if (existing) throw alreadyEnrolled(existing.status);

    const base = {
      sessionId,
      userId: personId,
      baselineSituation: dto.baselineSituation,
      educationLevel: dto.educationLevel,
      regionCode: person.regionCode,
      enrolledBy: user.id,
    };
    const facts = sessionFacts(context.session, context.course);
    // Staff enrolling someone are the approvers: only a trainee's own request waits for approval.
    if (seat.approvalRequired && actor === 'self') {
      const id = await insert(manager, { ...base, status: 'pending' });
      await this.emails.write(manager, person, facts, { template: 'enrollment_pending' });
      return id;
    }
    if (await this.seats.take(manager, sessionId)) {
      const id = await insert(manager, { ...base, status: 'confirmed', confirmedAt: new Date() });
      await this.emails.write(manager, person, facts, { template: 'enrollment_confirmed' });
      return id;
    }
    const place = await nextWaitlistPlace(manager, sessionId);
    const id = await insert(manager, {
      ...base,
      status: 'waitlisted',
      waitlistTicket: place.ticket,
    });
    await this.emails.write(manager, person, facts, {
      template: 'enrollment_waitlisted',
      position: place.position,
    });
    return id;
  }
}

interface AdmissionJob {
  user: AuthenticatedUser;
  applicant: Applicant;
  dto: EnrollDto;
}

interface Applicant {
  context: SessionContext;
  person: EmailRecipient & Pick<User, 'regionCode'>;
  actor: EnrollingActor;
}

async function insert(manager: EntityManager, values: Partial<Enrollment>): Promise<string> {
  const result = await manager.insert(Enrollment, values);
  return (result.identifiers[0] as { id: string }).id;
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

const alreadyEnrolled = (status?: string) =>
  new EnrollmentException(
    EnrollmentErrorCode.AlreadyEnrolled,
    status
      ? `This person already has a ${status} enrollment in this session.`
      : 'This person is already enrolled in this session.',
  );

function refused(refusal: AdmissionRefusal): EnrollmentException {
  switch (refusal.reason) {
    case 'session_cancelled':
      return new EnrollmentException(
        EnrollmentErrorCode.SessionCancelled,
        'The session is cancelled: it takes no enrollment.',
      );
    case 'session_not_open':
      return new EnrollmentException(
        EnrollmentErrorCode.SessionNotOpen,
        `The session is ${refusal.status}; enrollment needs an open session.`,
      );
    case 'window_not_open':
      return new EnrollmentException(
        EnrollmentErrorCode.EnrollmentNotYetOpen,
        `Enrollment opens on ${refusal.opensOn}.`,
      );
    case 'window_closed':
      return new EnrollmentException(
        EnrollmentErrorCode.EnrollmentClosed,
        `Enrollment closed on ${refusal.closesOn}.`,
      );
  }
}

const isActiveEnrollmentViolation = (error: unknown): boolean =>
  isUniqueViolation(error, 'enrollment_active_key');
