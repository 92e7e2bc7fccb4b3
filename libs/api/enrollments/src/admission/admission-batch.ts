import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionSeats } from '@oris/api/catalogue';
import { User } from '@oris/api/identity';
import type { PreparedOutboxEmail } from '@oris/api/notifications';
import { AuthenticatedUser, RequestValidationException } from '@oris/api/platform';
import { admissionRefusal, seatsLeft, todayInMorocco } from '@oris/shared/domain';
import type { EnrollingActor, ModuleCounts } from '@oris/shared/domain';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import { EnrollmentAccess, SessionContext } from '../access/enrollment-access';
import { isAdmin, isPublicSession, isSessionStaff } from '../access/staff-rules';
import { EnrollDto } from '../dto/enroll.dto';
import { EnrollmentDto } from '../dto/enrollment.dto';
import {
  EmailRecipient,
  EnrollmentEmail,
  EnrollmentEmails,
  RECIPIENT_COLUMNS,
  sessionFacts,
} from '../emails/enrollment-emails';
import { EnrollmentErrorCode, EnrollmentException, sessionNotFound } from '../enrollment.exception';
import { enrollmentDto } from '../reading/enrollment-mapper';
import { alreadyEnrolled, refused } from './admission-refusals';
import { Outcome } from './session-batches';
import { nextWaitlistPlace } from './waitlist';

/**
 * The enrollment requests of one session, admitted together: what `EnrollmentAdmission.enroll`
 * hands its session's batches to. Seats are counted under the session's row lock, so concurrent
 * batches (other processes) are served one at a time: exactly `capacity` confirmed, the rest
 * waitlisted.
 */
@Injectable()
export class AdmissionBatch {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EnrollmentAccess,
    private readonly seats: SessionSeats,
    private readonly emails: EnrollmentEmails,
  ) {}

  /**
   * Admits a batch of requests for one session in one transaction, in their order. Should a
   * constraint refuse the batch as a whole (a change it could not foresee), nothing of it was
   * written, and each request is decided again alone, so that only its cause is refused.
   */
  async admit(sessionId: string, jobs: AdmissionJob[]): Promise<Outcome<EnrollmentDto>[]> {
    try {
      return await this.dataSource.transaction((manager) =>
        this.admitTogether(manager, sessionId, jobs),
      );
    } catch (error) {
      if (jobs.length === 1 || !(error instanceof QueryFailedError)) throw error;
      const outcomes: Outcome<EnrollmentDto>[] = [];
      for (const job of jobs) {
        const [outcome] = await this.admit(sessionId, [job]).catch(
          (cause: unknown): Outcome<EnrollmentDto>[] => [{ ok: false, error: cause }],
        );
        outcomes.push(outcome);
      }
      return outcomes;
    }
  }

  /**
   * One batch, set-based: the session is locked and read once, the people and their enrollments
   * in this session once; each request is then decided in order in memory (refused alone, or
   * pending, confirmed while seats are left, else waitlisted with the next ticket), and the
   * admitted are written together: one counter update, one insert of enrollments, one of emails.
   * The answers are built from what the batch knows, without reading the rows back.
   */
  private async admitTogether(
    manager: EntityManager,
    sessionId: string,
    jobs: AdmissionJob[],
  ): Promise<Outcome<EnrollmentDto>[]> {
    const locked: unknown[] = await manager.query(
      `SELECT 1 FROM course_session WHERE id = $1 FOR UPDATE`,
      [sessionId],
    );
    if (locked.length === 0) throw sessionNotFound(sessionId);
    const context = await this.access.session(manager, sessionId);
    const { session, course } = context;
    const people = await readPeople(manager, [
      ...new Set(jobs.map(({ user, dto }) => dto.userId ?? user.id)),
    ]);
    const active = await activeEnrollments(manager, sessionId, [...people.keys()]);

    const today = todayInMorocco();
    const facts = sessionFacts(session, course);
    let seatsFree = seatsLeft(session.capacity, session.confirmedCount);
    let place: { ticket: number; position: number } | null = null;
    const outcomes: (Outcome<EnrollmentDto> | null)[] = [];
    const admitted: Admitted[] = [];
    const now = new Date();
    for (const job of jobs) {
      try {
        const { person, actor } = applicantOf(job, context, people);
        const refusal = admissionRefusal(
          {
            status: session.status,
            opensOn: session.enrollmentOpensOn,
            closesOn: session.enrollmentClosesOn,
          },
          actor,
          today,
        );
        if (refusal) throw refused(refusal);
        const existing = active.get(person.id);
        if (existing) throw alreadyEnrolled(existing);
        // Staff enrolling someone are the approvers: only a trainee's own request waits for approval.
        let decision: Decision;
        if (session.approvalRequired && actor === 'self') {
          decision = { status: 'pending', email: { template: 'enrollment_pending' } };
        } else if (seatsFree > 0) {
          decision = { status: 'confirmed', email: { template: 'enrollment_confirmed' } };
        } else {
          place ??= await nextWaitlistPlace(manager, sessionId);
          decision = {
            status: 'waitlisted',
            place,
            email: { template: 'enrollment_waitlisted', position: place.position },
          };
        }
        // Checked before the request counts: a refused email refuses its request alone.
        const email = this.emails.prepare(person, facts, decision.email);
        if (decision.status === 'confirmed') seatsFree -= 1;
        if (decision.status === 'waitlisted') {
          place = { ticket: decision.place.ticket + 1, position: decision.place.position + 1 };
        }
        active.set(person.id, decision.status);
        admitted.push({ index: outcomes.length, job, person, decision, email });
        outcomes.push(null);
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
    if (admitted.length === 0) return outcomes as Outcome<EnrollmentDto>[];

    const confirmed = admitted.filter(({ decision }) => decision.status === 'confirmed').length;
    if (confirmed > 0 && !(await this.seats.take(manager, sessionId, confirmed))) {
      // Counted under the session's lock: this cannot happen, and must not pass.
      throw new Error(`Session ${sessionId} has fewer than ${confirmed} seats left.`);
    }
    const rows = await insertEnrollments(manager, sessionId, admitted, now);
    await this.emails.writePrepared(
      manager,
      admitted.flatMap(({ email }) => (email ? [email] : [])),
    );
    const counts = await publishedModules(manager, course.id);
    const sessionRow = {
      id: session.id,
      title: session.title,
      startsOn: session.startsOn,
      endsOn: session.endsOn,
      status: session.status,
      regionCode: session.regionCode,
      courseId: course.id,
      courseCode: course.code,
      courseTitle: course.title,
      baselineVisibleToTrainers: course.baselineVisibleToTrainers,
    };
    admitted.forEach(({ index, job, person, decision }, i) => {
      const { id, enrolledAt } = rows[i];
      outcomes[index] = {
        ok: true,
        value: enrollmentDto(
          {
            id,
            status: decision.status,
            userId: person.id,
            baselineSituation: job.dto.baselineSituation,
            educationLevel: job.dto.educationLevel,
            regionCode: person.regionCode,
            enrolledBy: job.user.id,
            enrolledAt,
            confirmedAt: decision.status === 'confirmed' ? now : null,
            withdrawnAt: null,
            withdrawalReason: null,
            completedOn: null,
            validatedBy: null,
            completionAttestedBy: null,
            completionAttestedAt: null,
            earlyCompletionReason: null,
          },
          sessionRow,
          people,
          decision.status === 'waitlisted' ? decision.place.position : null,
          counts,
          job.user,
        ),
      };
    });
    return outcomes as Outcome<EnrollmentDto>[];
  }
}

/** One enrollment request: who asks, and the request. */
export interface AdmissionJob {
  user: AuthenticatedUser;
  dto: EnrollDto;
}

type Person = EmailRecipient & Pick<User, 'regionCode' | 'fullNameAr' | 'emailConfirmedAt'>;

type Decision =
  | { status: 'pending'; email: EnrollmentEmail }
  | { status: 'confirmed'; email: EnrollmentEmail }
  | { status: 'waitlisted'; place: { ticket: number; position: number }; email: EnrollmentEmail };

interface Admitted {
  /** The request's place in its batch. */
  index: number;
  job: AdmissionJob;
  person: Person;
  decision: Decision;
  email: PreparedOutboxEmail | null;
}

/**
 * Who enrolls whom in what, for one request of a batch: 404 for a session the caller may not see,
 * 403 for enrolling someone else without being staff, 409 for a course that takes no enrollment,
 * 400 for a person who does not exist or is disabled.
 */
function applicantOf(
  { user, dto }: AdmissionJob,
  context: SessionContext,
  people: Map<string, Person>,
): { person: Person; actor: EnrollingActor } {
  const staff = isSessionStaff(user, context);
  if (!staff && !isPublicSession(context.course.status, context.session.status)) {
    throw sessionNotFound(context.session.id);
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
  const person = people.get(personId);
  if (!person || person.disabledAt) {
    throw new RequestValidationException([
      { field: 'userId', message: 'no active person has this id' },
    ]);
  }
  // Enrolling oneself needs a proven address (every step after it is emailed). Staff enrolling
  // someone vouch for the person themselves, as an import does: that stays open.
  if (!onBehalf && !person.emailConfirmedAt) {
    throw new EnrollmentException(
      EnrollmentErrorCode.EmailNotConfirmed,
      'Open the link in the email sent at registration (or ask for a new one) to confirm your address, then enroll.',
    );
  }
  return { person, actor };
}

async function readPeople(manager: EntityManager, ids: string[]): Promise<Map<string, Person>> {
  const people = await manager.find(User, {
    where: { id: In(ids) },
    select: { ...RECIPIENT_COLUMNS, regionCode: true, fullNameAr: true, emailConfirmedAt: true },
  });
  return new Map(people.map((person) => [person.id, person]));
}

/** The status of each given person's enrollment in the session, if they have one not withdrawn. */
async function activeEnrollments(
  manager: EntityManager,
  sessionId: string,
  userIds: string[],
): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows: { userId: string; status: string }[] = await manager.query(
    `SELECT user_id AS "userId", status FROM enrollment
      WHERE session_id = $1 AND user_id = ANY($2) AND status <> 'withdrawn'`,
    [sessionId, userIds],
  );
  return new Map(rows.map((row) => [row.userId, row.status]));
}

/**
 * The batch's enrollments in one statement, in the batch's order (so `enrolled_at`, the clock at
 * each row, grows with the waitlist tickets); answers their ids and times in that order.
 */
async function insertEnrollments(
  manager: EntityManager,
  sessionId: string,
  admitted: Admitted[],
  now: Date,
): Promise<{ id: string; enrolledAt: Date }[]> {
  const rows: { id: string; enrolledAt: Date; n: number }[] = await manager.query(
    `WITH batch AS (
       SELECT * FROM unnest($2::uuid[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[],
                            $8::uuid[], $9::timestamptz[])
                WITH ORDINALITY AS b(user_id, status, ticket, baseline, education, region, enrolled_by,
                                     confirmed_at, n)
     ), inserted AS (
       INSERT INTO enrollment (session_id, user_id, status, waitlist_ticket, baseline_situation,
                               education_level, region_code, enrolled_by, confirmed_at)
       SELECT $1, user_id, status, ticket, baseline, education, region, enrolled_by, confirmed_at
         FROM batch ORDER BY n
       RETURNING id, user_id, enrolled_at
     )
     SELECT i.id, i.enrolled_at AS "enrolledAt", b.n::int AS n
       FROM inserted i JOIN batch b ON b.user_id = i.user_id
      ORDER BY b.n`,
    [
      sessionId,
      admitted.map(({ person }) => person.id),
      admitted.map(({ decision }) => decision.status),
      admitted.map(({ decision }) =>
        decision.status === 'waitlisted' ? decision.place.ticket : null,
      ),
      admitted.map(({ job }) => job.dto.baselineSituation),
      admitted.map(({ job }) => job.dto.educationLevel),
      admitted.map(({ person }) => person.regionCode),
      admitted.map(({ job }) => job.user.id),
      admitted.map(({ decision }) => (decision.status === 'confirmed' ? now : null)),
    ],
  );
  return rows;
}

/** A new enrollment's progress: none done of the course's published (and required) modules. */
async function publishedModules(manager: EntityManager, courseId: string): Promise<ModuleCounts> {
  const [row]: { requiredTotal: number; publishedTotal: number }[] = await manager.query(
    `SELECT count(*) FILTER (WHERE required)::int AS "requiredTotal", count(*)::int AS "publishedTotal"
       FROM course_module WHERE course_id = $1 AND status = 'published'`,
    [courseId],
  );
  return {
    requiredTotal: row.requiredTotal,
    requiredDone: 0,
    publishedTotal: row.publishedTotal,
    publishedDone: 0,
  };
}
