import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Algorithm, hash } from '@node-rs/argon2';
import { SessionSeats } from '@oris/api/catalogue';
import { AuditLog, ConsentRecords } from '@oris/api/identity';
import { AuthenticatedUser, RequestValidationException } from '@oris/api/platform';
import { admissionRefusal, evaluateCompletion, todayInMorocco } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { EnrollmentAccess, SessionContext } from '../access/enrollment-access';
import { isAdmin } from '../access/staff-rules';
import {
  CompletionDecision,
  decideCompletion,
  unmetCriteriaNames,
} from '../completion/completion-decision';
import { completionRuleFor, newEnrollmentFacts } from '../completion/completion-facts';
import { ImportReportDto, ImportRowDto } from '../dto/import.dto';
import { EnrollmentEmails, EmailRecipient, sessionFacts } from '../emails/enrollment-emails';
import { Enrollment } from '../entities/enrollment.entity';
import { EnrollmentErrorCode, EnrollmentException } from '../enrollment.exception';
import { EnrollmentCompleted, EnrollmentEvents } from '../events/enrollment-events';
import { nextWaitlistPlace } from '../admission/waitlist';
import { ImportPerson, planImport, PlannedRow } from './import-plan';
import {
  ImportInput,
  ImportOptions,
  readImportFile,
  ReadImport,
  rejectedRowsFile,
} from './import-file';
import { ImportProblem, importProblem } from './import-rows';

/**
 * Bulk enrollment of a session from a CSV or an .xlsx, for administrators (past cohorts included). A row
 * with a completion goes through the completion rule of the route (`decideCompletion`): nothing
 * is recorded yet for a new enrollment, so it is the administrator's attestation, for a session
 * that has ended, unless the course's rule asks for nothing the records would hold. A dry run
 * reports every row's problem and outcome and writes nothing; the real run is all-or-nothing, in
 * one transaction holding the session's lock, and refuses (400, each problem as
 * `lines.<line>.<column>`) if anything is wrong — unless the administrator chose to import the
 * rows without a problem (`validRowsOnly`): those go in, in the same single transaction, and the
 * others come back as a file with an error column in the administrator's language.
 */
@Injectable()
export class EnrollmentImport {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EnrollmentAccess,
    private readonly seats: SessionSeats,
    private readonly emails: EnrollmentEmails,
    private readonly events: EnrollmentEvents,
    private readonly audit: AuditLog,
    private readonly consents: ConsentRecords,
  ) {}

  async run(
    user: AuthenticatedUser,
    sessionId: string,
    input: ImportInput,
    options: ImportOptions,
  ): Promise<ImportReportDto> {
    const file = await readImportFile(input);
    const { read } = file;
    const lines = read.rows.map(({ line, email, fullName }) => ({ line, email, fullName }));
    if (options.dryRun) {
      const manager = this.dataSource.manager;
      const context = await this.access.sessionForStaff(manager, user, sessionId);
      const seatsLeft = context.session.capacity - context.session.confirmedCount;
      const first = await this.plan(manager, user, context, read, seatsLeft);
      const kept = options.validRowsOnly ? keptRows(read, first.problems) : null;
      if (!kept) {
        return report(sessionId, true, false, first.problems, {
          rows: previewRows(first.planned, first.problems, first.completion),
          lines,
        });
      }
      // What the explicit "valid rows only" choice would give: the rest, rows as they would go.
      const second = await this.plan(manager, user, context, kept.read, seatsLeft);
      return report(sessionId, true, false, first.problems, {
        rows: previewRows(second.planned, second.problems, second.completion),
        lines,
        rejected: kept.rejectedLines.size,
      });
    }
    const { rows, completions, rejected } = await this.dataSource.transaction(async (manager) => {
      const context = await this.access.sessionForStaff(manager, user, sessionId);
      const seat = await this.seats.lock(manager, sessionId);
      let { planned, problems, completion } = await this.plan(
        manager,
        user,
        context,
        read,
        seat.seatsLeft,
      );
      let rejected: ImportProblem[] = [];
      const kept = options.validRowsOnly ? keptRows(read, problems) : null;
      if (kept) {
        rejected = problems;
        ({ planned, problems, completion } = await this.plan(
          manager,
          user,
          context,
          kept.read,
          seat.seatsLeft,
        ));
      }
      if (problems.length > 0) {
        throw new RequestValidationException(
          problems.map(({ line, field, reason }) => ({
            field: `lines.${line}.${field}`,
            message: reason,
          })),
        );
      }
      return { ...(await this.apply(manager, user, context, planned, completion)), rejected };
    });
    this.emails.dispatch();
    for (const event of completions) this.events.publish(event);
    const rejectedFile =
      rejected.length > 0 ? await rejectedRowsFile(file, rejected, options.locale) : null;
    return report(sessionId, false, true, rejected, {
      rows,
      lines: [],
      rejected: new Set(rejected.map((problem) => problem.line)).size,
      rejectedFile,
    });
  }

  private async plan(
    manager: EntityManager,
    user: AuthenticatedUser,
    context: SessionContext,
    read: ReadImport,
    seatsLeft: number,
  ): Promise<{
    planned: PlannedRow[];
    problems: ImportProblem[];
    completion: CompletionDecision;
  }> {
    const refusal = admissionRefusal(
      {
        status: context.session.status,
        opensOn: context.session.enrollmentOpensOn,
        closesOn: context.session.enrollmentClosesOn,
      },
      'admin',
      todayInMorocco(),
    );
    if (refusal) {
      throw new EnrollmentException(
        EnrollmentErrorCode.SessionCancelled,
        'The session is cancelled: it takes no enrollment.',
      );
    }
    // Every row is a new enrollment, so one decision holds for all the file's completions.
    const completion = decideCompletion(
      evaluateCompletion(
        await completionRuleFor(manager, context.course),
        await newEnrollmentFacts(manager, context.session.id),
      ),
      {
        byAdministrator: isAdmin(user),
        sessionEndsOn: context.session.endsOn,
        today: todayInMorocco(),
      },
    );
    if (read.problems.length > 0 && read.rows.length === 0) {
      return { planned: [], problems: read.problems, completion };
    }
    const emails = read.rows.map((row) => row.email);
    const people: ImportPerson[] = await manager.query(
      `SELECT u.id, u.email, u.full_name AS "fullName", u.locale, u.region_code AS "regionCode",
              u.disabled_at AS "disabledAt",
              EXISTS (SELECT 1 FROM enrollment e WHERE e.user_id = u.id AND e.session_id = $2
                        AND e.status <> 'withdrawn') AS enrolled
         FROM users u WHERE u.email = ANY($1)`,
      [emails, context.session.id],
    );
    const { planned, problems } = planImport(read.rows, people, {
      startsOn: context.session.startsOn,
      seatsLeft,
      importerId: user.id,
    });
    if (completion.outcome === 'refused') {
      const unmet = completion.unmet.map((outcome) => `${outcome.criterion}: ${outcome.detail}`);
      for (const row of planned.filter((row) => row.outcome === 'completed')) {
        problems.push(
          importProblem(row.line, 'completedOn', 'completion_rule', { unmet: unmet.join('; ') }),
        );
      }
    }
    const all = [...read.problems, ...problems].sort(
      (a, b) => a.line - b.line || a.field.localeCompare(b.field),
    );
    return { planned, problems: all, completion };
  }

  private async apply(
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

const toRowDto = (
  row: PlannedRow,
): Omit<ImportRowDto, 'outcome' | 'completionAttested' | 'enrollmentId'> => ({
  line: row.line,
  email: row.email,
  fullName: row.fullName,
  newPerson: row.person === null,
});

/** What a dry run would give: nothing when anything is wrong. */
function previewRows(
  planned: PlannedRow[],
  problems: ImportProblem[],
  completion: CompletionDecision,
): ImportRowDto[] {
  if (problems.length > 0) return [];
  return planned.map((row) => ({
    ...toRowDto(row),
    outcome: row.outcome,
    completionAttested: row.outcome === 'completed' && completion.outcome === 'attested',
    enrollmentId: null,
  }));
}

function report(
  sessionId: string,
  dryRun: boolean,
  applied: boolean,
  problems: ImportProblem[],
  parts: {
    rows: ImportRowDto[];
    lines: ImportReportDto['lines'];
    rejected?: number;
    rejectedFile?: ImportReportDto['rejectedFile'];
  },
): ImportReportDto {
  const items = parts.rows;
  const count = (outcome: ImportRowDto['outcome']) =>
    items.filter((row) => row.outcome === outcome).length;
  return {
    dryRun,
    applied,
    sessionId,
    problems,
    rows: items,
    lines: parts.lines,
    rejected: parts.rejected ?? 0,
    rejectedFile: parts.rejectedFile ?? null,
    newPeople: items.filter((row) => row.newPerson).length,
    confirmed: count('confirmed'),
    waitlisted: count('waitlisted'),
    completed: count('completed'),
  };
}

/**
 * With the "valid rows only" choice, the rows to import: those without a problem, when there
 * are problems and some rows are fine. Null otherwise (no problem: the file goes whole; nothing
 * fine, or a problem with the file as a whole: nothing to choose).
 */
function keptRows(
  read: ReadImport,
  problems: ImportProblem[],
): { read: ReadImport; rejectedLines: Set<number> } | null {
  if (problems.length === 0 || problems.some((problem) => problem.line === 1)) return null;
  const rejectedLines = new Set(problems.map((problem) => problem.line));
  const rows = read.rows.filter((row) => !rejectedLines.has(row.line));
  return rows.length === 0 ? null : { read: { rows, problems: [] }, rejectedLines };
}
