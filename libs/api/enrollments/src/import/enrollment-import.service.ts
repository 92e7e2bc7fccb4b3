import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionSeats } from '@oris/api/catalogue';
import { AuthenticatedUser, RequestValidationException } from '@oris/api/platform';
import { admissionRefusal, evaluateCompletion, todayInMorocco } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { EnrollmentAccess, SessionContext } from '../access/enrollment-access';
import { isAdmin } from '../access/staff-rules';
import { CompletionDecision, decideCompletion } from '../completion/completion-decision';
import { completionRuleFor, newEnrollmentFacts } from '../completion/completion-facts';
import { ImportReportDto } from '../dto/import.dto';
import { EnrollmentEmails } from '../emails/enrollment-emails';
import { EnrollmentErrorCode, EnrollmentException } from '../enrollment.exception';
import { EnrollmentEvents } from '../events/enrollment-events';
import { ImportAdmission } from './import-admission';
import {
  ImportInput,
  ImportOptions,
  readImportFile,
  ReadImport,
  rejectedRowsFile,
} from './import-file';
import { ImportPerson, planImport, PlannedRow } from './import-plan';
import { keptRows, previewRows, report } from './import-report';
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
 * The file is read by `readImportFile` (import-file.ts), planned here, and written by
 * `ImportAdmission`.
 */
@Injectable()
export class EnrollmentImport {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EnrollmentAccess,
    private readonly seats: SessionSeats,
    private readonly emails: EnrollmentEmails,
    private readonly events: EnrollmentEvents,
    private readonly admission: ImportAdmission,
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
      return {
        ...(await this.admission.admit(manager, user, context, planned, completion)),
        rejected,
      };
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
}
