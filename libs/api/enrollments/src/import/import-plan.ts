import type { ImportOutcome } from '../dto/import.dto';
import type { EmailRecipient } from '../emails/enrollment-emails';
import { ImportProblem, importProblem, ImportRow, newPersonProblems } from './import-rows';
import type { ImportProblemCode } from '@oris/shared/domain';

/** Someone with an account whose email is in the file. */
export interface ImportPerson extends EmailRecipient {
  regionCode: string | null;
  /** Already holds a (not withdrawn) enrollment in the session. */
  enrolled: boolean;
}

export interface PlannedRow extends ImportRow {
  /** Null: an account is created. */
  person: ImportPerson | null;
  outcome: ImportOutcome;
}

/**
 * What each row gives, in file order, and what stops the import: an existing account is
 * enrolled as it is (its profile is not changed), a new person needs their own columns, a
 * completion needs a seat and a day within the session. Seats go to rows in file order; the rest
 * of the file is waitlisted.
 */
export function planImport(
  rows: ImportRow[],
  people: ImportPerson[],
  session: { startsOn: string; seatsLeft: number; importerId: string },
): { planned: PlannedRow[]; problems: ImportProblem[] } {
  const byEmail = new Map(people.map((person) => [person.email, person]));
  const problems: ImportProblem[] = [];
  const planned: PlannedRow[] = [];
  let seats = session.seatsLeft;
  for (const row of rows) {
    const problem = (
      field: string,
      code: ImportProblemCode,
      params?: Record<string, string | number>,
    ) => problems.push(importProblem(row.line, field, code, params));
    const person = byEmail.get(row.email) ?? null;
    // Staff enroll and validate others: their own enrollment and completion are someone else's call.
    if (person?.id === session.importerId) problem('email', 'self_import');
    if (person?.disabledAt) problem('email', 'account_disabled');
    if (person?.enrolled) problem('email', 'already_enrolled');
    if (!person) problems.push(...newPersonProblems(row));
    let outcome: ImportOutcome;
    if (row.completedOn !== null) {
      outcome = 'completed';
      if (row.completedOn < session.startsOn) {
        problem('completedOn', 'before_session', { startsOn: session.startsOn });
      } else if (seats <= 0) {
        problem('completedOn', 'no_seat');
      } else {
        seats--;
      }
    } else if (seats > 0) {
      outcome = 'confirmed';
      seats--;
    } else {
      outcome = 'waitlisted';
    }
    planned.push({ ...row, person, outcome });
  }
  return { planned, problems };
}
