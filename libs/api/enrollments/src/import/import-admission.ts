import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Algorithm, hash } from '@node-rs/argon2';
import { SessionSeats } from '@oris/api/catalogue';
import { AuditLog, ConsentRecords } from '@oris/api/identity';
import { AuthenticatedUser } from '@oris/api/platform';
import { EntityManager } from 'typeorm';
import { SessionContext } from '../access/enrollment-access';
import { nextWaitlistPlace } from '../admission/waitlist';
import { CompletionDecision, unmetCriteriaNames } from '../completion/completion-decision';
import { ImportRowDto } from '../dto/import.dto';
import { EmailRecipient, EnrollmentEmails, sessionFacts } from '../emails/enrollment-emails';
import { Enrollment } from '../entities/enrollment.entity';
import { EnrollmentErrorCode, EnrollmentException } from '../enrollment.exception';
import { EnrollmentCompleted } from '../events/enrollment-events';
import { PlannedRow } from './import-plan';
import { toRowDto } from './import-report';

/** The enrollment import's writing side: a planned file becomes accounts and enrollments. */
@Injectable()
export class ImportAdmission {
  constructor(
    private readonly seats: SessionSeats,
    private readonly emails: EnrollmentEmails,
    private readonly audit: AuditLog,
    private readonly consents: ConsentRecords,
  ) {}

  /**
   * Writes the planned rows, in the transaction that planned them (holding the session's lock):
   * the accounts of new people, the enrollments (a seat each, or the waitlist), the completions
   * with their attestation, and the emails. Answers the rows as written and the completions to
   * publish once committed.
   */
  async admit(
    manager: EntityManager,
    user: AuthenticatedUser,
    context: SessionContext,
    planned: PlannedRow[],
    completion: CompletionDecision,
  ): Promise<{ rows: ImportRowDto[]; completions: EnrollmentCompleted[] }> {
    const { session, course } = context;
    const facts = sessionFacts(session, course);
    const unusableHash = planned.some((row) => row.person === null)
      ? await unusablePasswordHash()
      : '';
    const rows: ImportRowDto[] = [];
    const completions: EnrollmentCompleted[] = [];
    const now = new Date();
    const attested = completion.outcome === 'attested';
    for (const row of planned) {
      const person =
        row.person ?? (await this.createPerson(manager, user, session.id, row, unusableHash));
      const base = {
        sessionId: session.id,
        userId: person.id,
        baselineSituation: row.baselineSituation,
        educationLevel: row.educationLevel,
        regionCode: person.regionCode,
        enrolledBy: user.id,
      };
      let values: Partial<Enrollment>;
      let position = 0;
      if (row.outcome !== 'waitlisted' && (await this.seats.take(manager, session.id))) {
        values =
          row.outcome === 'completed'
            ? {
                ...base,
                status: 'completed',
                confirmedAt: now,
                completedOn: row.completedOn,
                validatedBy: user.id,
                validatedAt: now,
                completionAttestedBy: attested ? user.id : null,
                completionAttestedAt: attested ? now : null,
              }
            : { ...base, status: 'confirmed', confirmedAt: now };
      } else if (row.outcome === 'completed') {
        // The plan counted the seats under the same lock: this cannot happen, and must not pass.
        throw new EnrollmentException(EnrollmentErrorCode.IllegalTransition, 'No seat left.');
      } else {
        const place = await nextWaitlistPlace(manager, session.id);
        values = { ...base, status: 'waitlisted', waitlistTicket: place.ticket };
        position = place.position;
      }
      const inserted = await manager.insert(Enrollment, values);
      const enrollmentId = (inserted.identifiers[0] as { id: string }).id;
      rows.push({
        ...toRowDto(row),
        outcome: values.status as ImportRowDto['outcome'],
        completionAttested: values.completionAttestedBy != null,
        enrollmentId,
      });
      if (values.status === 'completed') {
        if (completion.outcome === 'attested') {
          await this.audit.record(manager, {
            actorId: user.id,
            action: 'enrollment.completion_attested',
            subjectType: 'enrollment',
            subjectId: enrollmentId,
            data: {
              sessionId: session.id,
              completedOn: row.completedOn,
              unmet: unmetCriteriaNames(completion.unmet),
              via: 'import',
            },
          });
        }
        completions.push({
          type: 'EnrollmentCompleted',
          enrollmentId,
          userId: person.id,
          sessionId: session.id,
          courseId: course.id,
          completedOn: row.completedOn as string,
          validatedBy: user.id,
          occurredAt: now,
        });
      } else if (values.status === 'confirmed') {
        await this.emails.write(manager, person, facts, { template: 'enrollment_confirmed' });
      } else {
        await this.emails.write(manager, person, facts, {
          template: 'enrollment_waitlisted',
          position,
        });
      }
    }
    return { rows, completions };
  }

  /** An account for someone ORIS trained or enrolls; they choose a password with "forgot password". */
  private async createPerson(
    manager: EntityManager,
    user: AuthenticatedUser,
    sessionId: string,
    row: PlannedRow,
    passwordHash: string,
  ): Promise<EmailRecipient & { regionCode: string | null }> {
    const [created]: { id: string }[] = await manager.query(
      `INSERT INTO users (email, password_hash, full_name, full_name_ar, gender, birth_year, region_code,
                          phone)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (email) DO NOTHING
       RETURNING id`,
      [
        row.email,
        passwordHash,
        row.fullName,
        row.fullNameAr,
        row.gender,
        row.birthYear,
        row.regionCode,
        row.phone,
      ],
    );
    if (!created) {
      // Registered between the plan and now: the account is theirs, enroll it as it is.
      const [existing] = await manager.query(
        `SELECT id, email, full_name AS "fullName", locale, region_code AS "regionCode",
                disabled_at AS "disabledAt" FROM users WHERE email = $1`,
        [row.email],
      );
      return existing;
    }
    await manager.query(`INSERT INTO user_role (user_id, role) VALUES ($1, 'trainee')`, [
      created.id,
    ]);
    await this.audit.record(manager, {
      actorId: user.id,
      action: 'user.imported',
      subjectType: 'user',
      subjectId: created.id,
      data: { sessionId },
    });
    // Consent collected by the importing administrator; the person confirms it at first sign-in.
    await this.consents.recordForStaff(manager, created.id, user.id);
    return {
      id: created.id,
      email: row.email,
      fullName: row.fullName,
      locale: 'fr',
      disabledAt: null,
      regionCode: row.regionCode,
    };
  }
}

/** A real argon2id hash of a secret nobody keeps: login fails with the usual timing. */
async function unusablePasswordHash(): Promise<string> {
  return hash(randomBytes(32).toString('base64url'), {
    algorithm: Algorithm.Argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
}
