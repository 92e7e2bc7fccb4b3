import type { components } from '@oris/shared/api-client';
import { CsvSyntaxError, parseCsv } from '@oris/shared/domain';
import type { CsvRecord } from '@oris/shared/domain';

export type ImportProblem = components['schemas']['ImportProblemDto'];

export interface PreviewRow {
  line: number;
  email: string;
  fullName: string;
  problems: ImportProblem[];
}

export interface Preview {
  /** Problems of the file as a whole (its header, its size), or of lines the page cannot read. */
  fileProblems: ImportProblem[];
  /** Every row of the file, with its own problems (none when it is fine). */
  rows: PreviewRow[];
}

/**
 * Every row of a checked file beside the problems the API found in it. The API answers the rows'
 * outcomes only for a clean file, so the page reads the names back from the file itself with
 * the parser the API uses, so a record's line is the one the API's problems name.
 */
export function previewRows(csv: string, problems: readonly ImportProblem[]): Preview {
  const records = readRecords(csv);
  if (!records || records.length === 0) return { fileProblems: [...problems], rows: [] };
  const [header, ...body] = records;
  const column = (name: string) => header.cells.findIndex((cell) => cell.trim() === name);
  const email = column('email');
  const fullName = column('fullName');
  const rows = body.map((record) => ({
    line: record.line,
    email: (record.cells[email] ?? '').trim(),
    fullName: (record.cells[fullName] ?? '').trim(),
    problems: problems.filter((problem) => problem.line === record.line),
  }));
  const lines = new Set(rows.map((row) => row.line));
  return { fileProblems: problems.filter((problem) => !lines.has(problem.line)), rows };
}

/** The file's records, or null when a quoted cell is never closed (the API says where). */
function readRecords(text: string): CsvRecord[] | null {
  try {
    return parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return null;
    throw error;
  }
}
