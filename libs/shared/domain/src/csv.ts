/** A CSV that cannot be read at all (as opposed to a row with a bad value). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export interface CsvRecord {
  /** Line of the file where the record starts (1 = the header). */
  line: number;
  cells: string[];
}

/**
 * RFC 4180 CSV: comma or semicolon separated (spreadsheets in French locales write `;`, decided
 * by the header line), quoted cells with `""` for a quote and line breaks inside quotes, CRLF or
 * LF, an optional UTF-8 BOM. Cells are returned as written: nothing is evaluated, so a cell such
 * as `=HYPERLINK(…)` stays text. Blank lines are skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const separator =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0].trim() !== '') records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += char;
    }
  }
  if (quoted)
    throw new CsvSyntaxError(quoteLine, `line ${quoteLine}: a quoted cell is never closed`);
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

export type CsvCell = string | number | boolean | null | undefined;

export interface ToCsvOptions {
  /** `;` by default: spreadsheets in French and Arabic locales open it as columns. */
  separator?: ',' | ';';
  /** Start with a UTF-8 BOM (default true), so spreadsheets read accents and Arabic right. */
  bom?: boolean;
}

/** Cells a spreadsheet would read as a formula or a control (S7, "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Writes RFC 4180 CSV with CRLF line ends: a cell holding the separator, a quote or a line break
 * is quoted (quotes doubled); a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is prefixed with `'` so no spreadsheet evaluates it. Numbers are written as numbers
 * (a negative number is a number, not a formula); null and undefined as empty cells.
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], options: ToCsvOptions = {}): string {
  const separator = options.separator ?? ';';
  const escape = (cell: CsvCell): string => {
    if (cell === null || cell === undefined) return '';
    let text = String(cell);
    if (typeof cell === 'string' && FORMULA_START.test(text)) text = `'${text}`;
    return /["\r\n]/.test(text) || text.includes(separator)
      ? `"${text.replace(/"/g, '""')}"`
      : text;
  };
  const body = rows.map((row) => row.map(escape).join(separator)).join('\r\n');
  return (options.bom === false ? '' : '\uFEFF') + body + (rows.length > 0 ? '\r\n' : '');
}

/** A problem found in an imported file: its line, its column (or `file`) and why. */
export interface CsvProblem {
  line: number;
  /** The column, or `file` for a problem with the file as a whole. */
  field: string;
  /** Why, in English, for API clients and logs. */
  reason: string;
  /** Why, as a stable code a reader's language words (imports that declare their codes). */
  code?: string;
  /** The values the code's wording needs (a maximum, the expected values, another line). */
  params?: Record<string, string | number>;
}

export interface CsvTableRules<C extends string> {
  /** Every column the import knows; any other header is refused. */
  columns: readonly C[];
  /** Columns the header must have. */
  required: readonly C[];
  /** At most this many rows after the header. */
  maxRows: number;
  /** Reads a header written with a label (in any language) as its column; the names themselves always work. */
  columnOf?: (header: string) => C | null;
}

export interface CsvTable<C extends string> {
  /** The rows after the header; empty when the header has a problem. */
  body: CsvRecord[];
  /** Problems with the file as a whole (all on line 1); rows are not read when there is one. */
  problems: CsvProblem[];
  /** The trimmed cell of a row under a column, '' when the file has no such column. */
  cell(record: CsvRecord, column: C): string;
  /** Columns the header has, in file order. */
  columns: readonly string[];
}

/**
 * Checks an import's header once for every import: known columns only, the required ones
 * present, none twice, at least one row and not too many. Every file-level problem is listed at
 * once, so a dry run shows them together; the rows are left to the import's own rules.
 */
export function readCsvTable<C extends string>(
  records: CsvRecord[],
  rules: CsvTableRules<C>,
): CsvTable<C> {
  const [header, ...rows] = records;
  const known = rules.columns as readonly string[];
  const columns = header
    ? header.cells.map((cell) => {
        const name = cell.trim();
        return known.includes(name) ? name : (rules.columnOf?.(name) ?? name);
      })
    : [];
  const cell = (record: CsvRecord, column: C): string => {
    const index = columns.indexOf(column);
    return index === -1 ? '' : (record.cells[index] ?? '').trim();
  };
  if (!header) {
    return {
      body: [],
      columns,
      cell,
      problems: [{ line: 1, field: 'file', reason: 'the file is empty', code: 'file_empty' }],
    };
  }
  const problems: CsvProblem[] = [];
  for (const column of columns) {
    if (!known.includes(column)) {
      problems.push({
        line: 1,
        field: column || 'file',
        reason: `unknown column; expected ${known.join(', ')}`,
        code: 'unknown_column',
        params: { expected: known.join(', ') },
      });
    }
  }
  for (const column of rules.required) {
    if (!columns.includes(column))
      problems.push({ line: 1, field: column, reason: 'missing column', code: 'missing_column' });
  }
  if (new Set(columns).size !== columns.length) {
    problems.push({
      line: 1,
      field: 'file',
      reason: 'a column appears twice',
      code: 'duplicate_column',
    });
  }
  if (rows.length === 0)
    problems.push({ line: 1, field: 'file', reason: 'no row after the header', code: 'no_rows' });
  if (rows.length > rules.maxRows) {
    problems.push({
      line: 1,
      field: 'file',
      reason: `at most ${rules.maxRows} rows per import`,
      code: 'too_many_rows',
      params: { max: rules.maxRows },
    });
  }
  return { body: problems.length > 0 ? [] : rows, columns, cell, problems };
}
