import type { CsvCell, CsvRecord } from '@oris/shared/domain';
import ExcelJS from 'exceljs';

/** Largest .xlsx taken (as sent): 2,000 rows of an import weigh well under 200 KiB. */
export const XLSX_MAX_BYTES = 640 * 1024;
/** What its parts may hold once unzipped, all together: past this it is a zip bomb, not an import. */
const XLSX_MAX_UNZIPPED_BYTES = 24 * 1024 * 1024;
/** Parts of the package: a workbook has a dozen; thousands are an attack. */
const XLSX_MAX_ENTRIES = 200;
/** Columns read: the import has ten, a few more are refused as unknown; past this, ignored. */
const MAX_COLUMNS = 64;

/** What exceljs's typings call a buffer (an ArrayBuffer); a Node Buffer is what it reads at run time. */
type WorkbookBytes = Parameters<ExcelJS.Workbook['xlsx']['load']>[0];

/** A file that cannot be an import: answered as a file problem, never a 500. */
export class SpreadsheetError extends Error {
  constructor(readonly code: 'file_not_xlsx' | 'file_too_large' | 'file_unreadable') {
    super(code);
  }
}

/**
 * The first worksheet of an .xlsx as records, numbered by the sheet's own row numbers (as the
 * spreadsheet shows them, so problems name the row a person sees). Cells become text as a person
 * typed them: numbers as written, dates as YYYY-MM-DD, a formula as its last computed value
 * (never evaluated here), rich text as its text. The package is checked before it is unzipped:
 * its size, its number of parts and what they declare once unzipped.
 */
export async function readXlsx(bytes: Buffer): Promise<CsvRecord[]> {
  if (bytes.length > XLSX_MAX_BYTES) throw new SpreadsheetError('file_too_large');
  checkZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as WorkbookBytes);
  } catch {
    throw new SpreadsheetError('file_unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const records: CsvRecord[] = [];
  const width = Math.min(sheet.columnCount, MAX_COLUMNS);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) cells.push(cellText(row.getCell(column).value));
    while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
    if (cells.some((cell) => cell.trim() !== '')) records.push({ line: rowNumber, cells });
  });
  return records;
}

/** A workbook of one sheet: a header row in bold, then the rows, columns sized to their text. */
export async function writeXlsx(
  sheetName: string,
  rows: readonly (readonly CsvCell[])[],
  options: { rightToLeft?: boolean } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ORIS Academy';
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: 1, rightToLeft: options.rightToLeft ?? false }],
  });
  for (const row of rows) {
    // Text stays text: a cell such as `=SUM(A1)` is written as a string, never as a formula.
    sheet.addRow(row.map((cell) => (cell === null || cell === undefined ? null : cell)));
  }
  sheet.getRow(1).font = { bold: true };
  const width = Math.max(0, ...rows.map((row) => row.length));
  for (let index = 0; index < width; index++) {
    const longest = Math.max(...rows.map((row) => String(row[index] ?? '').length), 8);
    sheet.getColumn(index + 1).width = Math.min(longest + 2, 60);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    // The value the spreadsheet last computed; an error result is an empty cell.
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined) return '';
    if (typeof result === 'object' && !(result instanceof Date)) return '';
    return cellText(result);
  }
  if ('hyperlink' in value) return String(value.text ?? '');
  if ('error' in value) return '';
  return '';
}

/**
 * Reads the zip's central directory (the end of the file) without unzipping anything: an .xlsx
 * is a zip package, and what its entries declare says whether it is one worth opening.
 */
function checkZip(bytes: Buffer): void {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) {
    throw new SpreadsheetError('file_not_xlsx');
  }
  // The end-of-central-directory record: 22 bytes, after at most a 64 KiB comment.
  let end = -1;
  for (
    let offset = bytes.length - 22;
    offset >= Math.max(0, bytes.length - 22 - 0xffff);
    offset--
  ) {
    if (bytes.readUInt32LE(offset) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end === -1) throw new SpreadsheetError('file_not_xlsx');
  const entries = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if (entries > XLSX_MAX_ENTRIES) throw new SpreadsheetError('file_too_large');
  let unzipped = 0;
  let workbook = false;
  for (let index = 0; index < entries; index++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) {
      throw new SpreadsheetError('file_unreadable');
    }
    unzipped += bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (name === 'xl/workbook.xml') workbook = true;
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  if (unzipped > XLSX_MAX_UNZIPPED_BYTES) throw new SpreadsheetError('file_too_large');
  // A zip that is no workbook (a .docx, an archive renamed .xlsx).
  if (!workbook) throw new SpreadsheetError('file_not_xlsx');
}
