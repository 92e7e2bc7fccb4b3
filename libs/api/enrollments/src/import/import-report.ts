import { CompletionDecision } from '../completion/completion-decision';
import { ImportReportDto, ImportRowDto } from '../dto/import.dto';
import { ReadImport } from './import-file';
import { PlannedRow } from './import-plan';
import { ImportProblem } from './import-rows';

/** The enrollment import's answer: the rows, their outcomes and counts, and the rows kept. */

export const toRowDto = (
  row: PlannedRow,
): Omit<ImportRowDto, 'outcome' | 'completionAttested' | 'enrollmentId'> => ({
  line: row.line,
  email: row.email,
  fullName: row.fullName,
  newPerson: row.person === null,
});

/** What a dry run would give: nothing when anything is wrong. */
export function previewRows(
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

export function report(
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
export function keptRows(
  read: ReadImport,
  problems: ImportProblem[],
): { read: ReadImport; rejectedLines: Set<number> } | null {
  if (problems.length === 0 || problems.some((problem) => problem.line === 1)) return null;
  const rejectedLines = new Set(problems.map((problem) => problem.line));
  const rows = read.rows.filter((row) => !rejectedLines.has(row.line));
  return rows.length === 0 ? null : { read: { rows, problems: [] }, rejectedLines };
}
