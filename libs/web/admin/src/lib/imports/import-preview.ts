import type { components } from '@oris/shared/api-client';

export type ImportProblem = components['schemas']['ImportProblemDto'];
export type ImportLine = components['schemas']['ImportLineDto'];

export interface PreviewRow {
  line: number;
  email: string;
  fullName: string;
  problems: ImportProblem[];
}

export interface Preview {
  /** Problems of the file as a whole (its header, its size), or of lines the API did not read. */
  fileProblems: ImportProblem[];
  /** Every row of the file, with its own problems (none when it is fine). */
  rows: PreviewRow[];
  /** Rows without a problem: what "import the valid rows" would import. */
  fine: number;
}

/**
 * Every row of a checked file beside the problems the API found in it. The API names each row it
 * read (`lines`: its line, email and name as written), whatever the file's format, so a problem's
 * line is the one the spreadsheet shows.
 */
export function previewRows(
  lines: readonly ImportLine[],
  problems: readonly ImportProblem[],
): Preview {
  const rows = lines.map((line) => ({
    ...line,
    problems: problems.filter((problem) => problem.line === line.line),
  }));
  const read = new Set(rows.map((row) => row.line));
  return {
    fileProblems: problems.filter((problem) => !read.has(problem.line)),
    rows,
    fine: rows.filter((row) => row.problems.length === 0).length,
  };
}
