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
